using System.Text.RegularExpressions;
using QbConnector.Engine.Control.Contracts;
using QbConnector.TrayUi.Status;

namespace QbConnector.TrayUi.Dashboard;

/// <summary>What the dashboard page draws: the engine's status with the words and numbers already worked out.</summary>
internal sealed record DashboardView(
    bool EngineRunning,
    string Overall,
    string Headline,
    bool CloudConnected,
    bool OneTime,
    bool OneTimeFinished,
    string? Version,
    IReadOnlyList<CompanyView> Companies);

internal sealed record CompanyView(
    string CompanyId,
    string CompanyName,
    string CompanyFile,
    string State,
    string StateLabel,
    WorkView? Work,
    IReadOnlyList<LastSyncView> LastSyncs,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? NextSyncAt,
    ProblemView? Problem,
    PlatformView Platform);

internal sealed record WorkView(string? DataType, long RecordsDone, long? RecordsTotal, int DataTypesDone, int DataTypesTotal, int Percent);

internal sealed record LastSyncView(string DataType, DateTimeOffset At);

internal sealed record ProblemView(string Message, string Fix, string Code, DateTimeOffset? Since);

internal sealed record PlatformView(string Name, string? LogoDataUrl, string? Colour);

/// <summary>Builds the page's view; branding from the cloud is checked here before it reaches the page.</summary>
internal static partial class DashboardViews
{
    /// <summary>The advice the person most needs when QuickBooks asks about access.</summary>
    public const string AuthorisationFix =
        "Switch to QuickBooks: it is asking whether to let the connector in. Choose \"Yes, always; allow access even if QuickBooks is not running\", then Continue and Done. Keep QuickBooks open, with this company file, until it is linked.";

    private const int MaxLogoLength = 256 * 1024;

    public static DashboardView From(EngineView view, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(view);
        var summary = StatusSummary.Of(view, clock);
        var status = view.Status;
        return new DashboardView(
            view.EngineRunning,
            summary.Kind.ToString(),
            summary.Headline,
            status?.CloudConnected ?? false,
            status?.OneTime is not null,
            status?.OneTime?.Finished ?? false,
            status?.Version,
            view.Companies.Select(Company).ToList());
    }

    public static PlatformView Platform(Branding? branding) => new(
        string.IsNullOrWhiteSpace(branding?.PlatformName) ? "the cloud platform" : branding.PlatformName.Trim(),
        branding?.LogoDataUrl is { Length: <= MaxLogoLength } logo && LogoPattern().IsMatch(logo) ? logo : null,
        branding?.ColourHex is { } colour && ColourPattern().IsMatch(colour) ? colour : null);

    private static CompanyView Company(CompanyStatus c) => new(
        c.CompanyId,
        c.CompanyName,
        c.CompanyFile,
        c.State,
        CompanyStates.Label(c.State),
        c.Work is { } w ? Work(w) : null,
        c.LastSyncs.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => new LastSyncView(p.Key, p.Value)).ToList(),
        c.PausedUntil,
        c.NextSyncAt,
        ProblemOf(c),
        Platform(c.Branding));

    /// <summary>The numbers of the whole run when the engine reports one (the bar measures it), else of the one item.</summary>
    public static WorkView Work(CurrentWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Run is { } run
            ? new WorkView(work.DataType, run.RecordsDone, run.Items == 1 ? work.RecordsTotal : null, run.DataTypesDone, run.DataTypesTotal, Progress.Percent(work))
            : new WorkView(work.DataType, work.RecordsDone, work.RecordsTotal, work.DataTypesDone, work.DataTypesTotal, Progress.Percent(work));
    }

    private static ProblemView? ProblemOf(CompanyStatus c)
    {
        if (c.Problem is { } p)
        {
            return new ProblemView(p.Message, p.Fix, p.Code, p.Since);
        }

        // The engine may report these states bare; the person still needs to know what to do.
        return c.State switch
        {
            CompanyStates.WaitingForAuthorisation => new ProblemView("QuickBooks is waiting for you to allow access.", AuthorisationFix, "AuthorisationPending", null),
            CompanyStates.Deauthorised => new ProblemView(
                "QuickBooks no longer lets the connector open this company file.",
                "Remove this company here, then add it again with its licence key and allow access in QuickBooks.",
                "Deauthorised",
                null),
            CompanyStates.NeedsAttention => new ProblemView("Syncing stopped and needs you.", "Open QuickBooks with this company file, then choose Try again.", "NeedsAttention", null),
            _ => null,
        };
    }

    // Raster images or SVG as base64 data (an <img> never runs an SVG's scripts).
    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LogoPattern();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourPattern();
}
