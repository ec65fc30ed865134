using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Companies.State;

/// <summary>Where the fetch of a window stood at its latest page: records fetched so far and those QuickBooks' iterator says remain.</summary>
public readonly record struct WindowPosition(SyncWindow Window, long Fetched, long Remaining);

/// <summary>
/// How far a piece of work has come, as a fraction from 0 to 1 for a progress bar.
/// </summary>
/// <remarks>
/// QuickBooks cannot say how many records a sync will bring before they are fetched, and windows
/// are sized as records come (<see cref="WindowPlanner"/>), so their number is not known up front
/// either. What is known exactly: how many data types are done; what part of the current data
/// type's range of TimeModified its durable windows cover; and, inside the window being fetched,
/// how many records came and how many the iterator says remain. So the fraction is
/// (data types done + share of the current one) / data types, where the current one's share is
/// the part of its range covered, the window in progress counted by fetched / (fetched + remaining).
/// A data type's share stays below its full size until its completion (deletes since the last
/// sync, reconciliation of ids) is durable, so the fraction is 1 exactly when every data type of
/// the work is done. It never goes back: a window fetched again (its iterator lost) does not take
/// the bar back with it.
/// <para>
/// The person follows all the work a company took on since it was last idle as one (the cloud's
/// first link sends an item per data type): the reported fraction measures that run, each item
/// weighed by its data types, and is 1 exactly when all of it is done.
/// </para>
/// </remarks>
public sealed class ProgressMeter
{
    /// <summary>The share of a data type left for its completion once every window of it is durable.</summary>
    public const double CompletionShare = 0.05;

    /// <summary>Finished items a run keeps counting at most: a company never idle (work always queued) starts a new run past this.</summary>
    public const int MaxRunItems = 512;

    private static readonly double AlmostWhole = Math.BitDecrement(1.0);

    // The items of the run, as last seen: one no longer active is over (done or failed).
    private readonly Dictionary<string, WorkProgress> _run = new(StringComparer.Ordinal);
    private double _shown;
    private (string WorkId, string DataType, WindowPosition Position)? _latest;

    /// <summary>A page of a window arrived: <paramref name="fetched"/> records of the window so far (this page included), <paramref name="remaining"/> left in its iterator.</summary>
    public void PageArrived(string workId, string dataType, SyncWindow window, long fetched, long remaining) =>
        _latest = (workId, dataType, new WindowPosition(window, Math.Max(0, fetched), Math.Max(0, remaining)));

    /// <summary>
    /// The status of <paramref name="work"/>, the item at work among <paramref name="active"/>,
    /// with <paramref name="inFlight"/> records of its window in progress not yet durable.
    /// </summary>
    public CurrentWork Report(WorkProgress work, IReadOnlyList<WorkProgress> active, long inFlight)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(active);
        if ((_run.Count > 0 && !active.Any(a => _run.ContainsKey(a.WorkId))) || _run.Count >= MaxRunItems)
        {
            // Everything of the last run is over (or it has run too long): a new one, with a bar of its own.
            _run.Clear();
            _shown = 0;
        }

        foreach (var item in active)
        {
            _run[item.WorkId] = item;
        }

        _run[work.WorkId] = work;
        double done = 0;
        var total = 0;
        var dataTypesDone = 0;
        long records = inFlight;
        var whole = true;
        foreach (var item in _run.Values)
        {
            var over = !active.Contains(item) && item != work;
            var count = item.DataTypes.Count;
            total += count;
            records += item.RecordsDone;
            dataTypesDone += over ? count : item.DataTypes.Count(item.CompletedDataTypes.Contains);
            var measure = over ? 1 : Measure(item, PositionFor(item));
            whole &= measure >= 1;
            done += measure * count;
        }

        var fraction = total == 0 ? (whole ? 1 : 0) : Math.Min(done / total, whole ? 1 : AlmostWhole);
        _shown = Math.Max(_shown, fraction);
        return new CurrentWork(
            work.WorkId,
            work.Current?.DataType,
            work.RecordsDone + inFlight,
            work.CompletedDataTypes.Count,
            work.DataTypes.Count,
            Fraction: _shown,
            Run: new WorkRun(_run.Count, records, dataTypesDone, total));
    }

    /// <summary>(data types done + share of the current one) / data types; 1 once every data type is done.</summary>
    public static double Measure(WorkProgress work, WindowPosition? position)
    {
        ArgumentNullException.ThrowIfNull(work);
        var total = work.DataTypes.Count;
        var done = work.DataTypes.Count(work.CompletedDataTypes.Contains);
        if (done >= total)
        {
            return 1;
        }

        var current = work.Current is { } c && !work.CompletedDataTypes.Contains(c.DataType)
            ? DataTypeShare(c.From, c.Until, work.LastWindow?.Window, position)
            : 0;
        return Math.Min((done + current) / total, AlmostWhole);
    }

    /// <summary>
    /// How much of one data type is done, below 1 (its completion is the rest): the part of its
    /// range from <paramref name="from"/> (null: QuickBooks' epoch) to <paramref name="until"/>
    /// covered by the durable windows up to <paramref name="lastDone"/>, and of the window in
    /// progress the share its records fetched give.
    /// </summary>
    public static double DataTypeShare(DateTimeOffset? from, DateTimeOffset until, SyncWindow? lastDone, WindowPosition? position)
    {
        var start = from ?? WindowPlannerOptions.QuickBooksEpoch;
        double At(DateTimeOffset t) => until <= start ? (t >= until ? 1 : 0) : Math.Clamp((t - start) / (until - start), 0, 1);

        var covered = lastDone is { } last ? At(last.To) : 0;
        if (position is { } p && (lastDone is null || p.Window.From > lastDone.Value.To))
        {
            var fetched = p.Remaining == 0 ? 1 : (double)p.Fetched / (p.Fetched + p.Remaining);
            covered = Math.Max(covered, At(p.Window.From) + ((At(p.Window.To) - At(p.Window.From)) * fetched));
        }

        return covered * (1 - CompletionShare);
    }

    private WindowPosition? PositionFor(WorkProgress work) =>
        _latest is { } latest && latest.WorkId == work.WorkId && latest.DataType == work.Current?.DataType ? latest.Position : null;
}
