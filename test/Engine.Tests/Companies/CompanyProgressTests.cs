using System.Collections.Concurrent;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Tests.Companies.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>The progress a company reports while it syncs a sandbox company file through the real gateway.</summary>
public sealed class CompanyProgressTests : IAsyncLifetime
{
    private static readonly string[] Types = ["customers", "invoices", "accounts", "company"];
    private readonly SandboxCompanyRig _rig = new("progress", seed: 11);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_sync_reports_a_fraction_that_only_grows_and_is_whole_exactly_when_every_data_type_is_done()
    {
        var reported = new ConcurrentQueue<CompanyStatus>();
        var status = new StatusBoard();
        status.Changed += reported.Enqueue;
        await using (var engine = _rig.Start(status: status))
        {
            // Two items offered at once, as the cloud does at a first link: followed as one run.
            engine.Company.Tell(SandboxCompanyRig.Work("w1", Types[..2]));
            engine.Company.Tell(SandboxCompanyRig.Work("w2", Types[2..]));

            await Eventually.TrueAsync(() => status.Get("c1") is { Work: null, LastSyncs.Count: 4 }, TimeSpan.FromSeconds(60), "the sync finished");
        }

        var works = reported.Select(s => s.Work).OfType<CurrentWork>().ToList();
        works.Should().OnlyContain(w => w.Fraction != null, "the engine measures every report");
        var fractions = works.Select(w => w.Fraction!.Value).ToList();
        fractions.Should().BeInAscendingOrder("the bar never goes back");
        fractions.Count(f => f is > 0 and < 1).Should().BeGreaterThan(10, "the bar moves through the sync, page by page");
        fractions.Select(f => Math.Floor(f * 100)).Distinct().Count().Should().BeGreaterThan(5, "it moves in visible steps, not in one jump");
        works.Where(w => w.Fraction < 1).Should().OnlyContain(w => w.Run!.DataTypesDone < w.Run.DataTypesTotal, "short of whole only while data types are left");
        works.Where(w => w.Fraction == 1).Should().OnlyContain(w => w.Run!.DataTypesDone == w.Run.DataTypesTotal, "whole only once every data type is done");
        works.Should().Contain(w => w.WorkId == "w2" && w.Run!.Items == 2 && w.Run.DataTypesTotal == Types.Length, "the second item is followed in the same run");
        works.Select(w => w.Run!.RecordsDone).Should().BeInAscendingOrder();
        works.Should().OnlyContain(w => w.RecordsTotal == null, "QuickBooks does not say in advance how many records a sync brings");
    }
}
