using QbConnector.Engine.Gateway;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// Everything configurable about the engine. Read from engine.json in the data folder, then
/// environment variables prefixed QBCONNECTOR_ (sections separated by "__"), then the command line.
/// </summary>
public sealed class EngineOptions
{
    public CloudOptions Cloud { get; set; } = new();

    public QuickBooksOptions QuickBooks { get; set; } = new();

    public GatewayOptions Gateway { get; set; } = new();

    public SyncOptions Sync { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public DiagnosticsOptions Diagnostics { get; set; } = new();

    public UninstallOptions Uninstall { get; set; } = new();

    public AutostartOptions Autostart { get; set; } = new();

    public Updates.Wiring.EngineUpdateOptions Updates { get; set; } = new();
}

/// <summary>How the engine reaches the cloud.</summary>
public sealed class CloudOptions
{
    /// <summary>The cloud's gRPC address (https:// in production; http:// only for a local emulator).</summary>
    public string Url { get; set; } = "http://127.0.0.1:7300";

    /// <summary>Data pages and results sent but not yet acknowledged, at most.</summary>
    public int MaxUnacknowledged { get; set; } = 32;

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Which QuickBooks the engine talks to.</summary>
public sealed class QuickBooksOptions
{
    /// <summary>Auto: the COM SDK where it is installed, else the sandbox. Com or Sandbox force one.</summary>
    public string Backend { get; set; } = "Auto";

    /// <summary>Folder for a trace of every qbXML request and response (like the SDK's qbsdklog); off when empty.</summary>
    public string? QbXmlTrace { get; set; }

    /// <summary>The sandbox's latency profile: "none", "demo" or "realistic".</summary>
    public string SandboxLatency { get; set; } = "none";
}

/// <summary>How data is fetched.</summary>
public sealed class SyncOptions
{
    /// <summary>Records per iterator page (QuickBooks integrations use 100 to 500).</summary>
    public int PageSize { get; set; } = 250;

    public WindowPlannerOptions Windows { get; set; } = new();

    /// <summary>How many three-month periods of reports a first sync fetches.</summary>
    public int ReportQuarters { get; set; } = 8;

    /// <summary>
    /// How far back QuickBooks keeps its delete history (ListDeletedQuery, TxnDeletedQuery). A data
    /// type last synced longer ago than this reconciles its ids in full, so no delete is missed.
    /// </summary>
    public TimeSpan DeletedHistory { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often a sync blocked on something only the person can fix looks again by itself.</summary>
    public TimeSpan NeedsPersonRetry { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The outbox of fetched pages.</summary>
public sealed class OutboxOptions
{
    /// <summary>Bytes of unacknowledged pages kept at most before syncs pause (default 2 GiB).</summary>
    public long BudgetBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}

/// <summary>Aids for finding faults; all off by default.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>A pause point (NAME or NAME#N) where the engine freezes so it can be killed there; see <see cref="Engine.Diagnostics.PausePoints"/>.</summary>
    public string? PauseAt { get; set; }
}

/// <summary>How the connector removes itself when a one-time run is over.</summary>
public sealed class UninstallOptions
{
    /// <summary>Keep the logs folder when the connector removes its data (for support); off by default.</summary>
    public bool KeepLogs { get; set; }

    /// <summary>How long the finished status is shown (to the tray) before the engine stops and removes itself.</summary>
    public TimeSpan ExitDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>How the connector registers itself to start at log-on.</summary>
public sealed class AutostartOptions
{
    /// <summary>The systemctl to call on Linux ("systemctl" from the PATH by default; "none" never calls one).</summary>
    public string Systemctl { get; set; } = "systemctl";
}
