using System.Collections.Concurrent;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Security;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies.Support;

/// <summary>
/// The companies actor with everything but QuickBooks real: a journal that outlives "restarts",
/// an SQLite outbox and credential files in a temp folder, a manual clock; the gateway and the
/// cloud link are probes, so a test sees every request a company makes.
/// </summary>
internal sealed class CompaniesHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("companies-").FullName;
    private readonly EventSerializer _serializer = new(EventTypeRegistry.FromAssemblies(typeof(CompanyActor).Assembly));
    private Running? _running;

    public CompaniesHarness()
    {
        Journal = new InMemoryJournal(_serializer);
        Snapshots = new InMemorySnapshotStore(_serializer);
        Outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"), time: Clock);
        Credentials = new FileCredentialStore(Path.Combine(_dir, "credentials"));
    }

    public ManualTimeProvider Clock { get; } = new(Noon);

    public InMemoryJournal Journal { get; }

    public InMemorySnapshotStore Snapshots { get; }

    public SqliteOutbox Outbox { get; }

    public FileCredentialStore Credentials { get; }

    public FakeUnlinker Unlinker { get; } = new();

    public int OneTimeFinishedCalls => _oneTimeFinished;

    public Running Current => _running ?? throw new InvalidOperationException("Start first.");

    private int _oneTimeFinished;

    /// <summary>Starts the engine's actors (again, after <see cref="StopAsync"/>: a restart).</summary>
    public Running Start()
    {
        var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = Clock });
        PersistenceExtension.Register(system, Journal, Snapshots);
        var gateway = new Probe(system, "gateway");
        var cloud = new Probe(system, "cloud-link");
        var status = new StatusBoard();
        var directory = new CompanyDirectory();
        var deps = new CompanyDependencies(gateway.Ref, cloud.Ref, Outbox, status, new SyncOptions(), Clock);
        var removal = new CompanyRemovalServices(Credentials, Unlinker, cloud.Ref, () => Interlocked.Increment(ref _oneTimeFinished));
        var companies = system.ActorOf(Props.Create(() => new CompaniesActor(deps, directory, removal)), "companies");
        _running = new Running(system, companies, gateway, cloud, status, directory);
        return _running;
    }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            await running.System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Writes events to a persistence id as if an earlier run had persisted them.</summary>
    public async Task SeedAsync(string persistenceId, params object[] events)
    {
        var from = await Journal.ReadHighestSequenceNrAsync(persistenceId, 0);
        var writes = events.Select((e, i) => new AtomicWrite([new PersistentRepresentation(persistenceId, from + i + 1, e, Clock.GetUtcNow(), "seed")])).ToList();
        await Journal.WriteMessagesAsync(writes);
    }

    public async Task<int> EventCountAsync(string persistenceId)
    {
        var count = 0;
        await Journal.ReplayMessagesAsync(persistenceId, 1, long.MaxValue, long.MaxValue, _ => count++);
        return count;
    }

    public static CompanyProfile Profile(string id) => new(id, "Company " + id, "/files/" + id + ".qbw", QbConnector.Engine.Companies.Region.US, "Platform", null, null);

    public static Settings CloudSettings(QbConnector.CloudContract.V1.SyncMode mode = QbConnector.CloudContract.V1.SyncMode.Ongoing, uint? startHour = null, uint? endHour = null)
    {
        var settings = new Settings
        {
            Mode = mode,
            DataTypes = { new DataTypeSetting { DataType = "customers", FetchOnFirstLink = true, SyncFrequency = QbConnector.CloudContract.V1.SyncFrequency.Hourly } },
        };
        if (startHour is { } start && endHour is { } end)
        {
            settings.SyncHours = new QbConnector.CloudContract.V1.SyncHours { StartHour = start, EndHour = end };
        }

        return settings;
    }

    /// <summary>What an earlier sync of "customers" left in the journal: settings and a completed data type.</summary>
    public static object[] SyncedBefore(DateTimeOffset at, QbConnector.Engine.Companies.SyncMode mode = QbConnector.Engine.Companies.SyncMode.Ongoing, string? hours = null, string workId = "w0") =>
    [
        new SettingsChanged([new DataTypeSettings("customers", true, QbConnector.Engine.Companies.SyncFrequency.Hourly)], mode, hours),
        new QbConnector.Engine.Companies.Events.WorkAccepted(workId, ["customers"], Full: true, Interactive: false, at),
        new DataTypeStarted(workId, "customers", null, at),
        new DataTypeCompleted(workId, "customers", at, at),
        new QbConnector.Engine.Companies.Events.WorkCompleted(workId, at),
    ];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    internal sealed record Running(ActorSystem System, IActorRef Companies, Probe Gateway, Probe Cloud, StatusBoard Status, CompanyDirectory Directory)
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        public Task<CompanyAddedReply> AddAsync(string id, Settings settings) =>
            Companies.Ask<CompanyAddedReply>(new AddCompany(Profile(id), settings), Timeout);

        public Task<object> AskAsync(string id, object message) => Companies.Ask<object>(new ToCompany(id, message), Timeout);

        /// <summary>
        /// A harmless round trip through the company: once answered, every message it had before
        /// (and every event those persisted) has been handled.
        /// </summary>
        public async Task<PauseState> SettleAsync(string id) => (PauseState)await AskAsync(id, GetPauseState.Instance);

        public Task<CompanyRemovedReply> RemoveAsync(string id, bool tellCloud = true) =>
            Companies.Ask<CompanyRemovedReply>(new RemoveCompany(id, "Unlinked on this PC.", tellCloud), Timeout);

        /// <summary>Waits for the next request to QuickBooks, skipping other gateway messages (cancellations).</summary>
        public async Task<QbConnector.Engine.Gateway.Messages.QbRequest> ExpectRequestAsync()
        {
            while (true)
            {
                if (await Gateway.ExpectAsync<object>() is QbConnector.Engine.Gateway.Messages.QbRequest request)
                {
                    return request;
                }
            }
        }

        /// <summary>Waits for a message of this type to the cloud link, skipping others.</summary>
        public async Task<T> ExpectCloudAsync<T>()
        {
            while (true)
            {
                if (await Cloud.ExpectAsync<object>() is T wanted)
                {
                    return wanted;
                }
            }
        }

        /// <summary>Every gateway message so far.</summary>
        public Task<List<object>> DrainGatewayAsync() => DrainAsync(Gateway);

        /// <summary>Every message to the cloud link so far.</summary>
        public Task<List<object>> DrainCloudAsync() => DrainAsync(Cloud);

        /// <summary>
        /// Everything the probe was sent before now: a marker sent now arrives after all of it
        /// (one mailbox, first in first out).
        /// </summary>
        private static async Task<List<object>> DrainAsync(Probe probe)
        {
            var marker = new Marker(Guid.NewGuid());
            probe.Ref.Tell(marker, ActorRefs.Nobody);
            var seen = new List<object>();
            while (await probe.ExpectAsync<object>() is var message && !Equals(message, marker))
            {
                seen.Add(message);
            }

            return seen;
        }

        private sealed record Marker(Guid Id);
    }

    /// <summary>Records what the cloud was told; answers as configured.</summary>
    internal sealed class FakeUnlinker : ICloudUnlinker
    {
        public ConcurrentQueue<string> Unlinked { get; } = new();

        public bool Answer { get; set; } = true;

        public Task<bool> UnlinkAsync(string companyId, string reason, CancellationToken cancellationToken)
        {
            Unlinked.Enqueue(companyId);
            return Task.FromResult(Answer);
        }
    }
}
