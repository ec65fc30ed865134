using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Tests.Companies.Support;
using QbConnector.QbGateway.Sandbox.Stats;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>A company actor syncing a sandbox company file through the real gateway into a real outbox.</summary>
public sealed class CompanyActorTests : IAsyncLifetime
{
    private static readonly string[] Types = ["customers", "invoices", "accounts", "company"];
    private readonly SandboxCompanyRig _rig = new("company", seed: 7);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Work_from_the_cloud_brings_every_record_of_its_data_types_into_the_outbox_once()
    {
        await using var engine = _rig.Start();

        engine.Company.Tell(Work("w1"));

        await Eventually.TrueAsync(() => engine.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60), "every data type synced");
        await AssertOutboxMatchesFileAsync();
        var completed = (await _rig.PendingMessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted).ToList();
        completed.Should().ContainSingle().Which.WorkCompleted.WorkId.Should().Be("w1");
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_sync_resumes_and_sends_nothing_twice()
    {
        await using (var first = _rig.Start())
        {
            first.Company.Tell(Work("w1"));
            await Eventually.TrueAsync(async () => await _rig.Outbox.CountPendingAsync("c1") >= 3, TimeSpan.FromSeconds(60), "a few pages stored");
        }

        await using var second = _rig.Start();
        await Eventually.TrueAsync(() => second.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60), "the sync resumed and finished: " + System.Text.Json.JsonSerializer.Serialize(second.Status.Get("c1")));

        await AssertOutboxMatchesFileAsync();
    }

    [Fact]
    public async Task The_same_work_offered_again_is_carried_out_once()
    {
        await using var engine = _rig.Start();
        engine.Company.Tell(Work("w1"));
        await Eventually.TrueAsync(() => engine.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60));
        var pages = (await _rig.PendingMessagesAsync()).Count(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage);

        engine.Company.Tell(Work("w1"));
        engine.Company.Tell(Work("w1"));

        // A later piece of work is a marker: once it is done, any repeat of w1 would have been too.
        engine.Company.Tell(Work("w2", "vendors"));
        await Eventually.TrueAsync(async () => (await _rig.PendingMessagesAsync()).Count(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted) == 2, TimeSpan.FromSeconds(60));
        (await _rig.PendingMessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage).Select(m => m.DataPage.DataType)
            .Skip(pages).Should().NotBeEmpty().And.OnlyContain(t => t == "vendors");
    }

    private static CloudCommand Work(string workId, params string[] types) => SandboxCompanyRig.Work(workId, types.Length == 0 ? Types : types);

    private async Task AssertOutboxMatchesFileAsync()
    {
        var sent = (await _rig.PendingMessagesAsync())
            .Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage)
            .SelectMany(m => DataPageBuilder.ReadRecords(m.DataPage).Select(r => (m.DataPage.DataType, r.Id, r.EditSequence)))
            .ToList();
        sent.Should().OnlyHaveUniqueItems("a record state is sent once");
        var stats = SandboxStats.Compute(_rig.File);
        foreach (var type in new[] { "customers", "invoices", "accounts" })
        {
            var expected = stats.DataTypes.Single(d => d.DataType == type).Count;
            sent.Count(s => s.DataType == type).Should().Be((int)expected, $"every {type} record in the file reaches the outbox");
        }

        sent.Count(s => s.DataType == "company").Should().Be(1);
    }
}
