using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Gateway;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Pushes;

/// <summary>
/// A company actor with the real gateway on a sandbox company file and a real outbox; the journal
/// is in memory and outlives each engine, so a test can stop one and start another as after a crash.
/// </summary>
internal sealed class PushRig : IAsyncDisposable
{
    public const string AppName = "push-tests";
    public const string CompanyId = "c1";
    private readonly string _dir = Directory.CreateTempSubdirectory("push-").FullName;
    private readonly EventSerializer _serializer = new(EventTypeRegistry.FromAssemblies(typeof(CompanyActor).Assembly));
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public PushRig()
    {
        Journal = new InMemoryJournal(_serializer);
        Snapshots = new InMemorySnapshotStore(_serializer);
        Outbox = SqliteOutbox.Open(Path.Combine(_dir, "outbox.db"));
        CompanyFile = Path.Combine(_dir, "rock.qbw");
        CompanyGenerator.Generate(CompanyFile, new GenerationOptions { Seed = 11, Scale = 150 });
    }

    public InMemoryJournal Journal { get; }

    public InMemorySnapshotStore Snapshots { get; }

    public SqliteOutbox Outbox { get; }

    public string CompanyFile { get; }

    public ManualTimeProvider Clock => _clock;

    /// <summary>Starts an engine; <paramref name="gatewayFor"/> replaces the real gateway (e.g. with a probe).</summary>
    public RunningEngine Start(Func<ActorSystem, IActorRef>? gatewayFor = null)
    {
        var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = _clock });
        PersistenceExtension.Register(system, Journal, Snapshots);
        var gateway = gatewayFor?.Invoke(system) ?? system.ActorOf(GatewayActor.Props(() => new SandboxQbSession(), new GatewayOptions { AppName = AppName }, _clock), "gateway");
        var status = new StatusBoard();
        var cloud = system.ActorOf(Props.Create(() => new Sink()), "cloud-link");
        var sync = new SyncOptions { PageSize = 50, Windows = new WindowPlannerOptions { TargetRecordsPerWindow = 500, InitialSpan = TimeSpan.FromDays(3650) } };
        var company = system.ActorOf(
            Props.Create(() => new CompanyActor(new CompanyProfile(CompanyId, "Rock Castle", CompanyFile, QbConnector.Engine.Companies.Region.US, "Platform", null, "#123456"), new CompanyDependencies(gateway, cloud, Outbox, status, sync, _clock))),
            "company-" + CompanyId);
        return new RunningEngine(system, company);
    }

    public static CloudCommand Push(string pushId, string dataType, string json, string? recordId = null, string? editSequence = null) => new(CompanyId, new ServerMessage
    {
        Work = new WorkItem
        {
            WorkId = pushId,
            CompanyId = CompanyId,
            Push = new PushWork
            {
                PushId = pushId,
                DataType = dataType,
                Operation = recordId is null ? PushOperation.Add : PushOperation.Mod,
                RecordJson = ByteString.CopyFromUtf8(json),
                RecordId = recordId ?? "",
                EditSequence = editSequence ?? "",
            },
        },
    });

    public static CloudCommand Sync(string workId, params string[] types) => new(CompanyId, new ServerMessage
    {
        Work = new WorkItem { WorkId = workId, CompanyId = CompanyId, Sync = new SyncWork { DataTypes = { types }, Scope = SyncScope.Incremental } },
    });

    public async Task<List<ClientMessage>> MessagesAsync() =>
        (await Outbox.ReadPendingAsync(CompanyId, 0, 100_000)).Select(p => ClientMessage.Parser.ParseFrom(p.Payload.Span)).ToList();

    public async Task<List<PushResult>> ResultsAsync() =>
        (await MessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.PushResult).Select(m => m.PushResult).ToList();

    /// <summary>The single result of the push, once it is in the outbox.</summary>
    public async Task<PushResult> ResultAsync(string pushId)
    {
        await Eventually.TrueAsync(async () => (await ResultsAsync()).Exists(r => r.PushId == pushId), TimeSpan.FromSeconds(30), $"push {pushId} reported");
        return (await ResultsAsync()).Single(r => r.PushId == pushId);
    }

    /// <summary>Records of a list in the company file whose FullName is exactly this (QuickBooks' own lookup).</summary>
    public List<QbRecord> ListByName(QbEntity entity, string fullName) =>
        Query(QbRequestWriter.Write(new QbQueryRequest(entity) { Names = [fullName], ActiveStatus = null }));

    public QbRecord? ById(QbEntity entity, string? id) =>
        Query(QbRequestWriter.Write(new QbQueryRequest(entity) { Ids = [id ?? ""], ActiveStatus = null })).SingleOrDefault();

    /// <summary>Some (active) records of a list or transaction type, for references in test pushes.</summary>
    public List<QbRecord> Some(QbEntity entity, int count) =>
        Query(QbRequestWriter.Write(new QbQueryRequest(entity) { MaxReturned = 100_000, ActiveStatus = entity.SupportsActiveStatus ? QbActiveStatus.ActiveOnly : null })).Take(count).ToList();

    /// <summary>Sends a document straight to QuickBooks as this application, as the engine would have before a crash.</summary>
    public string Send(string requestXml)
    {
        using var session = new SandboxQbSession();
        session.OpenConnection("", AppName);
        var ticket = session.BeginSession(CompanyFile, QbFileMode.DoNotCare);
        try
        {
            return session.ProcessRequest(ticket, requestXml);
        }
        finally
        {
            session.EndSession(ticket);
            session.CloseConnection();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Outbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private List<QbRecord> Query(string requestXml)
    {
        using var reader = QbResponseReader.Create(Send(requestXml));
        reader.NextResponse();
        return reader.ReadRecords().ToList();
    }

    internal sealed record RunningEngine(ActorSystem System, IActorRef Company) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class Sink : ActorBase
    {
        protected override bool Receive(object message) => true;
    }
}
