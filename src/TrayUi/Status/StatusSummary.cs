using System.Globalization;
using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Status;

/// <summary>The one-line status shared by the tray tooltip and the dashboard's headline.</summary>
internal sealed record StatusSummary(OverallKind Kind, string Headline)
{
    public static StatusSummary Of(EngineView view, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(clock);
        if (!view.EngineRunning)
        {
            return view.Status?.OneTime is { Finished: true }
                ? new(OverallKind.AllGood, "Done: the connector has removed itself from this PC.")
                : new(OverallKind.EngineNotRunning, "The connector is not running.");
        }

        var companies = view.Companies;
        if (companies.Count == 0)
        {
            return new(OverallKind.AllGood, "No company file linked yet.");
        }

        var needy = companies.Where(c => CompanyStates.NeedsThePerson(c.State)).ToList();
        if (needy.Count == 1)
        {
            var c = needy[0];
            return new(OverallKind.NeedsYou, $"{c.CompanyName}: {c.Problem?.Message ?? CompanyStates.Label(c.State)}");
        }

        if (needy.Count > 1)
        {
            return new(OverallKind.NeedsYou, $"{needy.Count} company files need you.");
        }

        if (!view.Status!.CloudConnected)
        {
            return new(OverallKind.NeedsYou, "Offline: your books wait on this PC until the internet is back.");
        }

        var busy = companies.Where(c => CompanyStates.IsBusy(c.State)).ToList();
        if (busy.Count == 1)
        {
            var c = busy[0];
            return new(OverallKind.Syncing, c.Work is null ? $"Syncing {c.CompanyName}." : $"Syncing {c.CompanyName}: {Progress.Percent(c.Work)} %.");
        }

        if (busy.Count > 1)
        {
            return new(OverallKind.Syncing, $"Syncing {busy.Count} company files.");
        }

        if (companies.All(c => c.State == CompanyStates.Paused))
        {
            var until = companies.Select(c => c.PausedUntil).Where(t => t is not null).Min();
            return new(OverallKind.AllGood, until is null ? "Paused." : $"Paused until {When(until.Value, clock)}.");
        }

        var last = companies.SelectMany(c => c.LastSyncs.Values).DefaultIfEmpty().Max();
        return new(OverallKind.AllGood, last == default ? "All up to date." : $"All up to date. Last sync {When(last, clock)}.");
    }

    /// <summary>A time as the person reads it: the hour today, else the day and hour, in the PC's zone.</summary>
    public static string When(DateTimeOffset at, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var zone = clock.LocalTimeZone;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        return local.Date == today.Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
    }
}
