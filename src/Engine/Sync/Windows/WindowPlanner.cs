namespace QbConnector.Engine.Sync.Windows;

/// <summary>
/// Splits the range from a data type's watermark to "now" into consecutive windows of
/// TimeModified whose size adapts to how many records the previous window held. Progress is
/// kept as completed windows rather than iterator positions, because qbXML iterators die with
/// the session and a crash loses them.
/// </summary>
public sealed class WindowPlanner
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly WindowPlannerOptions _options;

    public WindowPlanner(WindowPlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>
    /// The first window of a sync that runs up to <paramref name="until"/>: from the epoch for a
    /// first sync, or from the watermark less the safety overlap for an incremental one.
    /// </summary>
    public SyncWindow First(DateTimeOffset? watermark, DateTimeOffset until, TimeSpan? span = null)
    {
        var end = Truncate(until);
        var from = watermark is { } mark ? Truncate(mark - _options.SafetyOverlap) : WindowPlannerOptions.QuickBooksEpoch;
        from = Max(from, WindowPlannerOptions.QuickBooksEpoch);
        if (from > end)
        {
            from = end;
        }

        return Bounded(from, span ?? _options.InitialSpan, end);
    }

    /// <summary>
    /// The window after <paramref name="completed"/>, which held <paramref name="recordCount"/>
    /// records, or null when the sync has reached <paramref name="until"/>.
    /// </summary>
    public SyncWindow? Next(SyncWindow completed, int recordCount, DateTimeOffset until)
    {
        var end = Truncate(until);
        if (completed.To >= end)
        {
            return null;
        }

        return Bounded(completed.To + Second, NextSpan(completed.Span + Second, recordCount), end);
    }

    /// <summary>The span that would have put about the target number of records in the window just done.</summary>
    public TimeSpan NextSpan(TimeSpan previousSpan, int recordCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        var factor = recordCount == 0 ? 4.0 : Math.Clamp((double)_options.TargetRecordsPerWindow / recordCount, 1.0 / 8, 4.0);
        var ticks = Math.Min(previousSpan.Ticks * factor, _options.MaxSpan.Ticks);
        return Clamp(TimeSpan.FromTicks((long)ticks));
    }

    private SyncWindow Bounded(DateTimeOffset from, TimeSpan span, DateTimeOffset end)
    {
        var to = from + Clamp(span) - Second;
        return new SyncWindow(from, to >= end || to < from ? end : Truncate(to));
    }

    private TimeSpan Clamp(TimeSpan span) =>
        span < _options.MinSpan ? _options.MinSpan : span > _options.MaxSpan ? _options.MaxSpan : span;

    private static DateTimeOffset Truncate(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
