using QbConnector.TrayUi.Status;

namespace QbConnector.TrayUi.Tray;

/// <summary>From the engine's status to the tray's icon, tooltip and menu: all the tray's decisions, none of Windows.</summary>
internal static class TrayPresenter
{
    /// <summary>Shell_NotifyIcon's tooltip holds 128 UTF-16 units including the terminator.</summary>
    public const int MaxTooltipLength = 127;

    private const string Product = "QuickBooks connector";

    public static TrayView Present(EngineView view, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(view);
        var summary = StatusSummary.Of(view, clock);
        var companies = view.Companies;
        var canCommand = view.EngineRunning && companies.Count > 0;
        var allPaused = canCommand && companies.All(c => c.State == CompanyStates.Paused);
        IReadOnlyList<TrayMenuItem> menu =
        [
            new(TrayCommand.OpenDashboard, "Open dashboard", IsDefault: true),
            new(TrayCommand.SyncNow, "Sync now", canCommand && !allPaused),
            allPaused ? new(TrayCommand.Resume, "Resume") : new(TrayCommand.Pause24Hours, "Pause 24 hours", canCommand),
            new(TrayCommand.AddCompany, "Add company…", view.EngineRunning),
            TrayMenuItem.Separator,
            new(TrayCommand.Quit, "Quit"),
        ];
        return new TrayView(summary.Kind, Tooltip($"{Product}: {summary.Headline}"), menu);
    }

    private static string Tooltip(string text) =>
        text.Length <= MaxTooltipLength ? text : string.Concat(text.AsSpan(0, MaxTooltipLength - 1), "…");
}
