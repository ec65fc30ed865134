using System.Runtime.Versioning;
using QbConnector.Engine.Control;
using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Tray.Windows;
using ILogger = Serilog.ILogger;

namespace QbConnector.TrayUi.Tray;

/// <summary>The tray program on Windows: the icon follows the engine's status; its menu drives the engine and the dashboard.</summary>
[SupportedOSPlatform("windows")]
internal static class TrayApp
{
    public static async Task RunAsync(DashboardServer dashboard, Engine.Hosting.DataDirectory data, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        using var quit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var engine = new ControlClient(data);
        var actions = new TrayActions(dashboard, engine, quit.Cancel, log);
        using var icon = new NotifyIcon(
            TrayPresenter.Present(dashboard.Watcher.Current.View, clock),
            command => _ = actions.ExecuteAsync(command, quit.Token));
        await icon.StartAsync();
        var seen = -1L;
        try
        {
            while (true)
            {
                var (view, version) = await dashboard.Watcher.NextAsync(seen, quit.Token);
                seen = version;
                icon.Show(TrayPresenter.Present(view, clock));
            }
        }
        catch (OperationCanceledException) when (quit.IsCancellationRequested)
        {
            // Quit from the menu, or the session is ending.
        }
    }
}
