using QbConnector.Engine.Companies;

namespace QbConnector.Engine.Sync.Scheduling;

/// <summary>
/// Which data types are due for a scheduled sync, from the cloud's frequency per data type and
/// when each last finished. A data type that never finished is due at once (its first sync).
/// </summary>
public static class SyncSchedule
{
    public static TimeSpan? Interval(SyncFrequency frequency) => frequency switch
    {
        SyncFrequency.Hourly => TimeSpan.FromHours(1),
        SyncFrequency.Daily => TimeSpan.FromDays(1),
        SyncFrequency.Weekly => TimeSpan.FromDays(7),
        SyncFrequency.Monthly => TimeSpan.FromDays(30),
        _ => null,
    };

    /// <summary>The data types whose interval has passed since they last completed.</summary>
    public static IReadOnlyList<string> Due(IEnumerable<DataTypeSettings> settings, IReadOnlyDictionary<string, DateTimeOffset> lastCompleted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lastCompleted);
        return settings
            .Where(s => NextDue(s, lastCompleted) is { } due && due <= now)
            .Select(s => s.DataType)
            .ToList();
    }

    /// <summary>The earliest time a data type becomes due, or null when nothing is scheduled.</summary>
    public static DateTimeOffset? NextDue(IEnumerable<DataTypeSettings> settings, IReadOnlyDictionary<string, DateTimeOffset> lastCompleted)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Select(s => NextDue(s, lastCompleted)).Where(d => d is not null).Min();
    }

    private static DateTimeOffset? NextDue(DataTypeSettings setting, IReadOnlyDictionary<string, DateTimeOffset> lastCompleted)
    {
        if (Interval(setting.Frequency) is not { } interval)
        {
            return null;
        }

        return lastCompleted.TryGetValue(setting.DataType, out var last) ? last + interval : DateTimeOffset.MinValue;
    }
}
