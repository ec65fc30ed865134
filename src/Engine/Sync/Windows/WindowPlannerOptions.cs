namespace QbConnector.Engine.Sync.Windows;

/// <summary>How windows of TimeModified are sized.</summary>
public sealed class WindowPlannerOptions
{
    /// <summary>QuickBooks accepts modified-date filters from 1970-01-01; a first sync starts there.</summary>
    public static readonly DateTimeOffset QuickBooksEpoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The span of the first window of a sync with no history of its own.</summary>
    public TimeSpan InitialSpan { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan MinSpan { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxSpan { get; set; } = TimeSpan.FromDays(365 * 20);

    /// <summary>The number of records a window should hold: small enough that re-fetching one window after a crash is cheap.</summary>
    public int TargetRecordsPerWindow { get; set; } = 2_000;

    /// <summary>
    /// How far an incremental sync reaches back before its watermark. QuickBooks reports host-local
    /// times whose offsets ignore daylight saving, so an hour can shift; re-fetching a little and
    /// de-duplicating by (ID, EditSequence) is safer than risking a gap.
    /// </summary>
    public TimeSpan SafetyOverlap { get; set; } = TimeSpan.FromHours(2);

    public void Validate()
    {
        if (MinSpan < TimeSpan.FromSeconds(1) || MaxSpan < MinSpan || InitialSpan < MinSpan || InitialSpan > MaxSpan)
        {
            throw new ArgumentException("Window spans must satisfy 1 s <= MinSpan <= InitialSpan <= MaxSpan.");
        }

        if (TargetRecordsPerWindow < 1 || SafetyOverlap < TimeSpan.Zero)
        {
            throw new ArgumentException("TargetRecordsPerWindow must be positive and SafetyOverlap not negative.");
        }
    }
}
