using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>
/// The sandbox QuickBooks: answers the request processor's calls exactly as QBXMLRP2 and QuickBooks would,
/// over a sandbox company file, including every session failure its QuickBooks state asks for.
/// Not thread-safe, like the COM object it stands in for.
/// </summary>
public sealed class SandboxQbSession : IQbSession
{
    private readonly SandboxSessionOptions _options;
    private string? _appId;
    private OpenSession? _session;

    public SandboxQbSession(SandboxSessionOptions? options = null)
    {
        _options = options ?? new SandboxSessionOptions();
    }

    public QbAuthPreferences AuthPreferences { get; } = new();

    /// <summary>Simulated time spent so far (latency model), for tests and benchmarks.</summary>
    public TimeSpan SimulatedLatency { get; private set; }

    public bool IsConnected => _appId is not null;

    public void OpenConnection(string appId, string appName)
    {
        if (_appId is not null)
        {
            throw SdkErrors.Create(SdkErrors.AlreadyConnected);
        }

        if (string.IsNullOrWhiteSpace(appName))
        {
            throw SdkErrors.Create(SdkErrors.NoAppName);
        }

        _appId = string.IsNullOrEmpty(appId) ? appName : appId;
    }

    public QbTicket BeginSession(string companyFile, QbFileMode mode)
    {
        if (_appId is null)
        {
            throw SdkErrors.Create(SdkErrors.NotConnected);
        }

        if (_session is not null)
        {
            throw SdkErrors.Create(SdkErrors.SessionAlreadyOpen);
        }

        var path = string.IsNullOrEmpty(companyFile) ? _options.OpenCompanyFile : companyFile;
        var state = path is null ? new QuickBooksState() : QuickBooksState.Load(path);
        if (string.IsNullOrEmpty(companyFile))
        {
            // Without a company file of its own the simulated QuickBooks is not running.
            if (path is null || state.Condition is QuickBooksCondition.NotRunning or QuickBooksCondition.CannotStart)
            {
                throw SdkErrors.Create(SdkErrors.NotRunningNoFile);
            }

            if (state.Condition == QuickBooksCondition.NoCompanyFileOpen)
            {
                throw SdkErrors.Create(SdkErrors.NoFileOpenNoFile);
            }
        }

        var failure = SessionFailure(state, mode);
        if (failure is { } hresult)
        {
            throw SdkErrors.Create(hresult, path);
        }

        if (!File.Exists(path))
        {
            throw SdkErrors.Create(SdkErrors.CouldNotOpenFile, path);
        }

        var latency = LatencyFor(state);
        var notRunning = state.Condition == QuickBooksCondition.NotRunning;
        var alreadyOpen = !notRunning && string.Equals(Path.GetFullPath(path!), _options.OpenCompanyFile is null ? null : Path.GetFullPath(_options.OpenCompanyFile), StringComparison.Ordinal);
        Delay((notRunning ? latency.StartQuickBooks : TimeSpan.Zero) + (alreadyOpen ? TimeSpan.Zero : latency.OpenCompanyFile));

        CompanyStore store;
        try
        {
            store = CompanyStore.Open(path!);
        }
        catch (Exception e) when (e is IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw SdkErrors.Create(SdkErrors.CouldNotOpenFile);
        }

        var effectiveMode = mode == QbFileMode.DoNotCare ? QbFileMode.MultiUser : mode;
        var context = new SessionContext(store, SandboxCompany.Load(store), _options.Time, _appId, path!, effectiveMode, automaticLogin: notRunning);
        var ticket = new QbTicket("{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}");
        _session = new OpenSession(ticket, context);
        return ticket;
    }

    public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket)
    {
        Require(ticket);
        return _options.SupportedVersions;
    }

    public string ProcessRequest(QbTicket ticket, string requestXml)
    {
        var session = Require(ticket);
        if (session.Dropped)
        {
            throw SdkErrors.Create(SdkErrors.CouldNotAccess);
        }

        var state = QuickBooksState.Load(session.Context.CompanyFile);
        session.Requests++;
        if (state.DropAfterRequests is { } drop && session.Requests > drop)
        {
            session.Dropped = true;
            throw SdkErrors.Create(SdkErrors.CouldNotAccess);
        }

        if (state.FailAfterRequests is { } fail && session.Requests > fail)
        {
            throw SdkErrors.Create(SdkErrors.Unexpected);
        }

        if (state.Condition == QuickBooksCondition.ModalDialog)
        {
            throw SdkErrors.Create(SdkErrors.ModalDialog);
        }

        var request = MessageSetRequest.Parse(requestXml ?? string.Empty, _options.SupportedVersions);
        var processor = new MessageSetProcessor(session.Context, _options.SupportedVersions);
        var response = processor.Process(request);
        var latency = LatencyFor(state);
        Delay(latency.PerRequest + (latency.PerRecord * processor.RecordsReturned) + (latency.PerWrite * processor.Writes)
            + TimeSpan.FromMilliseconds(state.SlowResponseMilliseconds));
        return response;
    }

    public string GetCurrentCompanyFileName(QbTicket ticket) => Require(ticket).Context.CompanyFile;

    public void EndSession(QbTicket ticket)
    {
        var session = Require(ticket);
        session.Context.Iterators.Clear();
        session.Context.Store.Dispose();
        _session = null;
    }

    public void CloseConnection()
    {
        if (_session is not null)
        {
            EndSession(_session.Ticket);
        }

        _appId = null;
    }

    public void Dispose() => CloseConnection();

    private static int? SessionFailure(QuickBooksState state, QbFileMode mode)
    {
        var condition = state.Condition switch
        {
            QuickBooksCondition.CannotStart => SdkErrors.CouldNotStart,
            QuickBooksCondition.StillStarting => SdkErrors.StillStarting,
            QuickBooksCondition.SeveralInstances => SdkErrors.SeveralInstances,
            QuickBooksCondition.ModalDialog => SdkErrors.ModalDialog,
            QuickBooksCondition.OtherCompanyFileOpen => SdkErrors.OtherFileOpen,
            QuickBooksCondition.OpenInOtherMode when mode != QbFileMode.DoNotCare
                && !string.Equals(mode.ToString(), state.OpenMode, StringComparison.OrdinalIgnoreCase) => SdkErrors.OtherMode,
            QuickBooksCondition.LoggedInElsewhere => SdkErrors.LoggedInElsewhere,
            QuickBooksCondition.CouldNotLock => SdkErrors.CouldNotLock,
            _ => (int?)null,
        };
        if (condition is not null)
        {
            return condition;
        }

        return state.Authorization switch
        {
            QuickBooksAuthorization.NotYetGranted => SdkErrors.NotYetAuthorised,
            QuickBooksAuthorization.Denied => SdkErrors.UserDenied,
            QuickBooksAuthorization.NoPermission => SdkErrors.NoPermission,
            QuickBooksAuthorization.GrantedOnce when state.Condition == QuickBooksCondition.NotRunning => SdkErrors.NoAutomaticLogin,
            _ => null,
        };
    }

    private SandboxLatency LatencyFor(QuickBooksState state) => SandboxLatency.Named(state.LatencyProfile) ?? _options.Latency;

    private void Delay(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        SimulatedLatency += delay;
        SimulatedDelay.Wait(_options.Time, delay);
    }

    private OpenSession Require(QbTicket ticket)
    {
        if (_appId is null)
        {
            throw SdkErrors.Create(SdkErrors.NotConnected);
        }

        if (_session is null)
        {
            throw SdkErrors.Create(SdkErrors.NoSession);
        }

        if (!string.Equals(_session.Ticket.Value, ticket.Value, StringComparison.Ordinal))
        {
            throw SdkErrors.Create(SdkErrors.BadTicket);
        }

        return _session;
    }

    private sealed class OpenSession(QbTicket ticket, SessionContext context)
    {
        public QbTicket Ticket { get; } = ticket;

        public SessionContext Context { get; } = context;

        public int Requests { get; set; }

        public bool Dropped { get; set; }
    }
}
