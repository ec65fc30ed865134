using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Companies.State;

/// <summary>
/// The sync progress of one company, rebuilt from its events. Which window comes next is derived
/// (planner + last completed window), never stored, so a restart plans exactly what was planned
/// before it: at most the one window in progress is fetched again.
/// </summary>
public sealed class SyncState
{
    private readonly List<WorkProgress> _work = [];
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastCompleted = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkProgress> ActiveWork => _work;

    public IReadOnlyDictionary<string, DateTimeOffset> Watermarks => _watermarks;

    /// <summary>When each data type last finished syncing.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastCompleted => _lastCompleted;

    /// <summary>A deep copy, to work out what events would follow without applying them.</summary>
    public SyncState Clone()
    {
        var copy = new SyncState();
        foreach (var work in _work)
        {
            copy._work.Add(work.Clone());
        }

        foreach (var (dataType, mark) in _watermarks)
        {
            copy._watermarks[dataType] = mark;
        }

        foreach (var (dataType, at) in _lastCompleted)
        {
            copy._lastCompleted[dataType] = at;
        }

        return copy;
    }

    public bool Apply(object evt)
    {
        switch (evt)
        {
            case WorkAccepted e:
                if (_work.All(w => w.WorkId != e.WorkId))
                {
                    _work.Add(new WorkProgress(e.WorkId, e.DataTypes, e.Full, e.Interactive, e.AcceptedAt));
                }

                return true;
            case DataTypeStarted e:
                WithWork(e.WorkId, w =>
                {
                    w.Current = (e.DataType, e.From, e.Until);
                    w.LastWindow = null;
                });
                return true;
            case WindowCompleted e:
                WithWork(e.WorkId, w =>
                {
                    w.LastWindow = (new SyncWindow(e.From, e.To), e.Records);
                    w.RecordsDone += e.Records;
                });
                return true;
            case DataTypeCompleted e:
                _watermarks[e.DataType] = e.Watermark;
                _lastCompleted[e.DataType] = e.CompletedAt;
                WithWork(e.WorkId, w =>
                {
                    w.CompletedDataTypes.Add(e.DataType);
                    w.Current = null;
                    w.LastWindow = null;
                });
                return true;
            case WorkCompleted e:
                _work.RemoveAll(w => w.WorkId == e.WorkId);
                return true;
            case WorkFailed e:
                _work.RemoveAll(w => w.WorkId == e.WorkId);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The next step of the most urgent work (interactive first, then oldest), or null when idle.
    /// Data types for which <paramref name="wholeRange"/> is true (the company, reports) are fetched
    /// in one step over the whole range rather than in windows.
    /// </summary>
    public SyncStep? NextStep(WindowPlanner planner, Func<string, bool>? wholeRange = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        var work = _work.OrderBy(w => w.Interactive ? 0 : 1).ThenBy(w => w.AcceptedAt).FirstOrDefault();
        return work is null ? null : NextStep(work, planner, wholeRange);
    }

    public SyncStep NextStep(WorkProgress work, WindowPlanner planner, Func<string, bool>? wholeRange = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(planner);
        if (work.Current is not { } current)
        {
            var next = work.DataTypes.FirstOrDefault(t => !work.CompletedDataTypes.Contains(t));
            if (next is null)
            {
                return new SyncStep.CompleteWork(work.WorkId);
            }

            DateTimeOffset? from = !work.Full && _watermarks.TryGetValue(next, out var mark) ? mark : null;
            return new SyncStep.StartDataType(work.WorkId, next, from);
        }

        SyncWindow? window;
        if (wholeRange?.Invoke(current.DataType) == true)
        {
            window = work.LastWindow is null ? new SyncWindow(current.From ?? WindowPlannerOptions.QuickBooksEpoch, current.Until) : null;
        }
        else
        {
            window = work.LastWindow is { } last
                ? planner.Next(last.Window, last.Records, current.Until)
                : planner.First(current.From, current.Until);
        }

        return window is { } w
            ? new SyncStep.FetchWindow(work.WorkId, current.DataType, w)
            : new SyncStep.CompleteDataType(work.WorkId, current.DataType, current.From, current.Until);
    }

    private void WithWork(string workId, Action<WorkProgress> change)
    {
        var work = _work.Find(w => w.WorkId == workId);
        if (work is not null)
        {
            change(work);
        }
    }
}
