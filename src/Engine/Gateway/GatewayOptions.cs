using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.Engine.Gateway;

/// <summary>How the gateway talks to QuickBooks.</summary>
public sealed class GatewayOptions
{
    /// <summary>The application id and name QuickBooks shows the person when it asks to authorise the connector.</summary>
    public string AppId { get; set; } = "";

    public string AppName { get; set; } = "QuickBooks Desktop connector";

    public QbFileMode FileMode { get; set; } = QbFileMode.DoNotCare;

    public GatewaySchedulerOptions Scheduler { get; set; } = new();

    /// <summary>First wait after QuickBooks asks to try later (still starting, file locked); doubles up to the maximum.</summary>
    public TimeSpan RetryMinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxBackoff { get; set; } = TimeSpan.FromSeconds(60);
}
