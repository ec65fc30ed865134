using System.Collections.Concurrent;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Control.Contracts;
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
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>The progress a company reports while it syncs a sandbox company file through the real gateway.</summary>
public sealed class CompanyProgressTests : IAsyncLifetime
{
    private static readonly string[] Types = ["customers", "invoices", "accounts", "company"];
    private readonly string _dir = Directory.CreateTempSubdirectory("progress-").FullName;
    private readonly EventSerializer _serializer = new(EventTypeRegistry.FromAssemblies(typeof(CompanyActor).Assembly));
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow.AddDays(1));
    private SqliteOutbox _outbox = null!;
    private string _file = null!;

    public Task InitializeAsync()
    {
        _outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"));
        _file = Path.Combine(_dir, "rock.qbw");
        CompanyGenerator.Generate(_file, new GenerationOptions { Seed = 11, Scale = 400 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_sync_reports_a_fraction_that_only_grows_and_is_whole_exactly_when_every_data_type_is_done()
    {
        var reported = new ConcurrentQueue<CompanyStatus>();
        var status = new StatusBoard();
        status.Changed += reported.Enqueue;
        var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = _clock });
        try
        {
            PersistenceExtension.Register(system, new InMemoryJournal(_serializer), new InMemorySnapshotStore(_serializer));
            var gateway = system.ActorOf(GatewayActor.Props(() => new SandboxQbSession(), new GatewayOptions { AppName = "test" }, _clock), "gateway");
            var cloud = system.ActorOf(Props.Create(() => new Sink()), "cloud-link");

            // Small pages and windows: many steps to report.
            var sync = new SyncOptions { PageSize = 20, Windows = new WindowPlannerOptions { TargetRecordsPerWindow = 60, InitialSpan = TimeSpan.FromDays(120) } };
            var company = system.ActorOf(
                Props.Create(() => new CompanyActor(new CompanyProfile("c1", "Rock Castle", _file, QbConnector.Engine.Companies.Region.US, "Platform", null, null), new CompanyDependencies(gateway, cloud, _outbox, status, sync, _clock))),
                "company-c1");

            // Two items offered at once, as the cloud does at a first link: followed as one run.
            company.Tell(Work("w1", Types[..2]));
            company.Tell(Work("w2", Types[2..]));

            await Eventually.TrueAsync(() => status.Get("c1") is { Work: null, LastSyncs.Count: 4 }, TimeSpan.FromSeconds(60), "the sync finished");
        }
        finally
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
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

    private static CloudCommand Work(string workId, string[] types) => new("c1", new ServerMessage
    {
        Work = new WorkItem { WorkId = workId, CompanyId = "c1", Sync = new SyncWork { DataTypes = { types }, Scope = SyncScope.Incremental } },
    });

    private sealed class Sink : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
