using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Gateway;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Stats;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>A company actor syncing a sandbox company file through the real gateway into a real outbox.</summary>
public sealed class CompanyActorTests : IAsyncLifetime
{
    private static readonly string[] Types = ["customers", "invoices", "accounts", "company"];
    private readonly string _dir = Directory.CreateTempSubdirectory("company-").FullName;
    private readonly EventSerializer _serializer = new(EventTypeRegistry.FromAssemblies(typeof(CompanyActor).Assembly));
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow.AddDays(1));
    private InMemoryJournal _journal = null!;
    private InMemorySnapshotStore _snapshots = null!;
    private SqliteOutbox _outbox = null!;
    private string _file = null!;

    public Task InitializeAsync()
    {
        _journal = new InMemoryJournal(_serializer);
        _snapshots = new InMemorySnapshotStore(_serializer);
        _outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"));
        _file = Path.Combine(_dir, "rock.qbw");
        CompanyGenerator.Generate(_file, new GenerationOptions { Seed = 7, Scale = 400 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Work_from_the_cloud_brings_every_record_of_its_data_types_into_the_outbox_once()
    {
        await using var engine = Start();

        engine.Company.Tell(Work("w1"));

        await Eventually.TrueAsync(() => engine.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60), "every data type synced");
        await AssertOutboxMatchesFileAsync();
        var completed = (await PendingMessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted).ToList();
        completed.Should().ContainSingle().Which.WorkCompleted.WorkId.Should().Be("w1");
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_sync_resumes_and_sends_nothing_twice()
    {
        await using (var first = Start())
        {
            first.Company.Tell(Work("w1"));
            await Eventually.TrueAsync(async () => await _outbox.CountPendingAsync("c1") >= 3, TimeSpan.FromSeconds(60), "a few pages stored");
        }

        await using var second = Start();
        await Eventually.TrueAsync(() => second.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60), "the sync resumed and finished: " + System.Text.Json.JsonSerializer.Serialize(second.Status.Get("c1")));

        await AssertOutboxMatchesFileAsync();
    }

    [Fact]
    public async Task The_same_work_offered_again_is_carried_out_once()
    {
        await using var engine = Start();
        engine.Company.Tell(Work("w1"));
        await Eventually.TrueAsync(() => engine.Status.Get("c1")?.LastSyncs.Count == Types.Length, TimeSpan.FromSeconds(60));
        var pages = (await PendingMessagesAsync()).Count(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage);

        engine.Company.Tell(Work("w1"));
        engine.Company.Tell(Work("w1"));

        // A later piece of work is a marker: once it is done, any repeat of w1 would have been too.
        engine.Company.Tell(Work("w2", "vendors"));
        await Eventually.TrueAsync(async () => (await PendingMessagesAsync()).Count(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted) == 2, TimeSpan.FromSeconds(60));
        (await PendingMessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage).Select(m => m.DataPage.DataType)
            .Skip(pages).Should().NotBeEmpty().And.OnlyContain(t => t == "vendors");
    }

    private static CloudCommand Work(string workId, params string[] types) => new("c1", new ServerMessage
    {
        Work = new WorkItem { WorkId = workId, CompanyId = "c1", Sync = new SyncWork { DataTypes = { types.Length == 0 ? Types : types }, Scope = SyncScope.Incremental } },
    });

    private async Task AssertOutboxMatchesFileAsync()
    {
        var sent = (await PendingMessagesAsync())
            .Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage)
            .SelectMany(m => DataPageBuilder.ReadRecords(m.DataPage).Select(r => (m.DataPage.DataType, r.Id, r.EditSequence)))
            .ToList();
        sent.Should().OnlyHaveUniqueItems("a record state is sent once");
        var stats = SandboxStats.Compute(_file);
        foreach (var type in new[] { "customers", "invoices", "accounts" })
        {
            var expected = stats.DataTypes.Single(d => d.DataType == type).Count;
            sent.Count(s => s.DataType == type).Should().Be((int)expected, $"every {type} record in the file reaches the outbox");
        }

        sent.Count(s => s.DataType == "company").Should().Be(1);
    }

    private async Task<List<ClientMessage>> PendingMessagesAsync() =>
        (await _outbox.ReadPendingAsync("c1", 0, 100_000)).Select(p => ClientMessage.Parser.ParseFrom(p.Payload.Span)).ToList();

    private Engine Start()
    {
        var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = _clock });
        PersistenceExtension.Register(system, _journal, _snapshots);
        var gateway = system.ActorOf(GatewayActor.Props(() => new SandboxQbSession(), new GatewayOptions { AppName = "test" }, _clock), "gateway");
        var status = new StatusBoard();
        var cloud = system.ActorOf(Props.Create(() => new Sink()), "cloud-link");
        var sync = new SyncOptions { PageSize = 20, Windows = new WindowPlannerOptions { TargetRecordsPerWindow = 60, InitialSpan = TimeSpan.FromDays(120) } };
        var company = system.ActorOf(
            Props.Create(() => new CompanyActor(new CompanyProfile("c1", "Rock Castle", _file, QbConnector.Engine.Companies.Region.US, "Platform", null, "#123456"), new CompanyDependencies(gateway, cloud, _outbox, status, sync, _clock))),
            "company-c1");
        return new Engine(system, company, status);
    }

    private sealed record Engine(ActorSystem System, IActorRef Company, StatusBoard Status) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class Sink : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
