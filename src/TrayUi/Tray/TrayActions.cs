using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Launch;
using ILogger = Serilog.ILogger;

namespace QbConnector.TrayUi.Tray;

/// <summary>What the tray's menu items do, away from the Windows code.</summary>
internal sealed class TrayActions(DashboardServer dashboard, ControlClient engine, Action quit, ILogger log)
{
    public async Task ExecuteAsync(TrayCommand command, CancellationToken ct)
    {
        try
        {
            switch (command)
            {
                case TrayCommand.OpenDashboard:
                    DashboardLauncher.OpenInBrowser(dashboard.OpenUri());
                    break;
                case TrayCommand.AddCompany:
                    DashboardLauncher.OpenInBrowser(dashboard.OpenUri("add"));
                    break;
                case TrayCommand.SyncNow:
                    await engine.SyncAsync(new SyncRequest(), ct);
                    break;
                case TrayCommand.Pause24Hours:
                    await engine.PauseAsync(new PauseRequest(null, TimeSpan.FromHours(24)), ct);
                    break;
                case TrayCommand.Resume:
                    await engine.ResumeAsync(null, ct);
                    break;
                case TrayCommand.Quit:
                    quit();
                    break;
            }
        }
        catch (Exception ex) when (ex is EngineNotRunningException or ControlException)
        {
            // The icon already shows the engine's state; the dashboard explains it.
            log.Warning("Tray command {Command} not carried out: {Reason}", command, ex.Message);
        }
    }
}
