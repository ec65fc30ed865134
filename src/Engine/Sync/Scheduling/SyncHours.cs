namespace QbConnector.Engine.Sync.Scheduling;

/// <summary>
/// The hours of the day (host-local) when scheduled syncs may run, for example 19:00 to 07:00,
/// because QuickBooks is barely usable for the person while a sync runs. Start equal to end means
/// all day. Pushes and manual syncs ignore it.
/// </summary>
public sealed record SyncHours(TimeOnly Start, TimeOnly End)
{
    public static SyncHours AllDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool Contains(TimeOnly time) =>
        Start == End || (Start < End ? time >= Start && time < End : time >= Start || time < End);

    /// <summary>The next moment at or after <paramref name="localNow"/> that is inside the hours.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset localNow)
    {
        var time = TimeOnly.FromTimeSpan(localNow.TimeOfDay);
        if (Contains(time))
        {
            return localNow;
        }

        var wait = Start.ToTimeSpan() - localNow.TimeOfDay;
        return localNow + (wait < TimeSpan.Zero ? wait + TimeSpan.FromDays(1) : wait);
    }

    /// <summary>Parses "19:00-07:00".</summary>
    public static SyncHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var end))
        {
            throw new FormatException($"Sync hours must look like 19:00-07:00, not '{text}'.");
        }

        return new SyncHours(start, end);
    }
}
