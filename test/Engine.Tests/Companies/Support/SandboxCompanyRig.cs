using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Gateway;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies.Support;

/// <summary>
/// One company actor syncing a generated sandbox company file through the real gateway into a real
/// SQLite outbox, on a manual clock. The journal outlives restarts (each <see cref="Start"/> is a new
/// actor system on the same journal and outbox); the journal and QuickBooks' session can be replaced.
/// </summary>
internal sealed class SandboxCompanyRig : IAsyncDisposable
{
    private readonly string _dir;

    public SandboxCompanyRig(string name, int seed, int scale = 400)
    {
        _dir = Directory.CreateTempSubdirectory(name + "-").FullName;
        Journal = new InMemoryJournal(Serializer);
        Outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"));
        File = Path.Combine(_dir, "rock.qbw");
        CompanyGenerator.Generate(File, new GenerationOptions { Seed = seed, Scale = scale });
    }

    public EventSerializer Serializer { get; } = new(EventTypeRegistry.FromAssemblies(typeof(CompanyActor).Assembly));

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(1));

    public InMemoryJournal Journal { get; }

    public SqliteOutbox Outbox { get; }

    /// <summary>The sandbox company file.</summary>
    public string File { get; }

    /// <summary>Small pages and windows: a sync of a few hundred records takes many steps.</summary>
    public static SyncOptions SmallSteps() =>
        new() { PageSize = 20, Windows = new WindowPlannerOptions { TargetRecordsPerWindow = 60, InitialSpan = TimeSpan.FromDays(120) } };

    public static CloudCommand Work(string workId, params string[] types) => new("c1", new ServerMessage
    {
        Work = new WorkItem { WorkId = workId, CompanyId = "c1", Sync = new SyncWork { DataTypes = { types }, Scope = SyncScope.Incremental } },
    });

    public RunningCompany Start(IAsyncWriteJournal? journal = null, IQbSession? session = null, StatusBoard? status = null, string? colour = "#123456")
    {
        var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = Clock });
        PersistenceExtension.Register(system, journal ?? Journal, new InMemorySnapshotStore(Serializer));
        var gateway = system.ActorOf(GatewayActor.Props(() => session ?? new SandboxQbSession(), new GatewayOptions { AppName = "test" }, Clock), "gateway");
        status ??= new StatusBoard();
        var cloud = system.ActorOf(Props.Create(() => new Sink()), "cloud-link");
        var deps = new CompanyDependencies(gateway, cloud, Outbox, status, SmallSteps(), Clock);
        var company = system.ActorOf(
            Props.Create(() => new CompanyActor(new CompanyProfile("c1", "Rock Castle", File, QbConnector.Engine.Companies.Region.US, "Platform", null, colour), deps)),
            "company-c1");
        return new RunningCompany(system, company, status);
    }

    /// <summary>Every message waiting in the outbox for the cloud, in order.</summary>
    public async Task<List<ClientMessage>> PendingMessagesAsync() =>
        (await Outbox.ReadPendingAsync("c1", 0, 100_000)).Select(p => ClientMessage.Parser.ParseFrom(p.Payload.Span)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class Sink : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}

/// <summary>A started company actor, its actor system and the status board it reports to.</summary>
internal sealed record RunningCompany(ActorSystem System, IActorRef Company, StatusBoard Status) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
}
