namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>
/// Decides which company file's request QuickBooks serves next. Plain logic with an injected
/// clock, so that fairness is tested without actors or waiting. Rules, in order:
/// interactive work first (switching files if it must); otherwise stay on the open file while it
/// has work, until its quantum is spent and another file waits (longer while it is inside an
/// iterator, up to MaxHold); then the file whose oldest request has waited longest.
/// Not thread-safe: the gateway actor owns it.
/// </summary>
public sealed class GatewayScheduler<T>
{
    private readonly Dictionary<string, FileQueue> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly GatewaySchedulerOptions _options;
    private readonly TimeProvider _time;
    private long _order;
    private DateTimeOffset _heldSince;
    private int _followUpsOwed;
    private DateTimeOffset _followUpUntil;
    private DateTimeOffset _lastActivity;

    public GatewayScheduler(GatewaySchedulerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _lastActivity = time.GetUtcNow();
    }

    /// <summary>The company file the session is open on, or null.</summary>
    public string? CurrentFile { get; private set; }

    public int PendingCount => _files.Values.Sum(f => f.Count);

    public void Enqueue(string companyFile, GatewayPriority priority, T item, bool continuesIterator = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(companyFile);
        if (!_files.TryGetValue(companyFile, out var queue))
        {
            queue = new FileQueue();
            _files[companyFile] = queue;
        }

        var work = new GatewayWork<T>(companyFile, priority, continuesIterator, item, _time.GetUtcNow(), _order++);
        (priority == GatewayPriority.Interactive ? queue.Interactive : queue.Scheduled).Enqueue(work);
        if (IsCurrent(companyFile))
        {
            ForgetOneFollowUp();
        }
    }

    /// <summary>
    /// The next request to run, or null when there is none, or when the open file's follow-up
    /// is still expected within its grace period (see <see cref="NextWakeUp"/>).
    /// </summary>
    public GatewayDecision<T>? TryTakeNext()
    {
        var now = _time.GetUtcNow();
        var chosen = PickInteractive() ?? (AwaitingFollowUp(now) && !HasWork(CurrentFile!) ? null : PickScheduled(now));
        if (chosen is null)
        {
            return null;
        }

        var work = _files[chosen].Take();
        var switching = !string.Equals(chosen, CurrentFile, StringComparison.OrdinalIgnoreCase);
        if (switching)
        {
            CurrentFile = chosen;
            _heldSince = now;
            _followUpsOwed = 0;
        }

        _lastActivity = now;
        return new GatewayDecision<T>(work, switching);
    }

    /// <summary>
    /// Called when a request's answer has been handed back. If its sender will send another
    /// (the next page), the session waits briefly for it rather than serving another file. Each
    /// promise holds until a request of the file arrives, even while other requests of the file
    /// (a push's beside a sync's) are served: a sender sends its follow-up only once it has the
    /// answer, so nothing queued now is it, and forgetting the promise there would switch files
    /// just before the promised request comes.
    /// </summary>
    public void Completed(string companyFile, bool followUpExpected)
    {
        var now = _time.GetUtcNow();
        _lastActivity = now;
        if (followUpExpected && IsCurrent(companyFile))
        {
            _followUpsOwed++;
            _followUpUntil = now + _options.FollowUpGrace;
        }
    }

    /// <summary>
    /// The open file has just been opened: its quantum counts from now, so opening a file (seconds to
    /// tens of seconds) does not eat the time the file gets to work.
    /// </summary>
    public void FileOpened() => _heldSince = _time.GetUtcNow();

    /// <summary>The file's sender said no follow-up is coming after all: other files need not wait for it.</summary>
    public void NoFollowUp(string companyFile)
    {
        if (IsCurrent(companyFile))
        {
            ForgetOneFollowUp();
        }
    }

    /// <summary>The session was ended (idle, failure, or by the person): the next request opens its file afresh.</summary>
    public void SessionEnded()
    {
        CurrentFile = null;
        _followUpsOwed = 0;
    }

    /// <summary>True when a session is open, nothing waits and it has been idle for the idle timeout.</summary>
    public bool ShouldEndIdleSession() =>
        CurrentFile is not null && PendingCount == 0 && _time.GetUtcNow() - _lastActivity >= _options.IdleTimeout;

    /// <summary>When the decision may change without new work arriving (end of a grace period or of idleness), or null.</summary>
    public DateTimeOffset? NextWakeUp()
    {
        if (_followUpsOwed > 0 && PendingCount > 0)
        {
            return _followUpUntil;
        }

        return CurrentFile is not null && PendingCount == 0 ? _lastActivity + _options.IdleTimeout : null;
    }

    /// <summary>Removes every waiting request of a company file (unlink, pause) and returns them.</summary>
    public IReadOnlyList<GatewayWork<T>> RemoveAll(string companyFile, Func<T, bool>? match = null)
    {
        if (!_files.TryGetValue(companyFile, out var queue))
        {
            return [];
        }

        var removed = queue.RemoveWhere(match ?? (_ => true));
        if (queue.Count == 0)
        {
            _files.Remove(companyFile);
        }

        return removed;
    }

    private bool HasWork(string file) => _files.TryGetValue(file, out var queue) && queue.Count > 0;

    private bool IsCurrent(string companyFile) => string.Equals(companyFile, CurrentFile, StringComparison.OrdinalIgnoreCase);

    // Requests do not say whose promise they keep, so any request of the file settles one: a wrong
    // guess only ends a wait early (a file switch sooner), it never holds or loses a request.
    private void ForgetOneFollowUp() => _followUpsOwed = Math.Max(0, _followUpsOwed - 1);

    private bool AwaitingFollowUp(DateTimeOffset now)
    {
        if (_followUpsOwed == 0)
        {
            return false;
        }

        if (now >= _followUpUntil)
        {
            _followUpsOwed = 0;
            return false;
        }

        return true;
    }

    private string? PickInteractive()
    {
        if (CurrentFile is not null && _files.TryGetValue(CurrentFile, out var current) && current.Interactive.Count > 0)
        {
            return CurrentFile;
        }

        return Oldest(_files.Where(f => f.Value.Interactive.Count > 0).Select(f => (f.Key, f.Value.Interactive.Peek().Order)));
    }

    private string? PickScheduled(DateTimeOffset now)
    {
        var othersWaiting = _files.Where(f => f.Value.Scheduled.Count > 0 && !string.Equals(f.Key, CurrentFile, StringComparison.OrdinalIgnoreCase)).ToList();
        if (CurrentFile is not null && _files.TryGetValue(CurrentFile, out var current) && current.Scheduled.Count > 0)
        {
            var held = now - _heldSince;
            var limit = current.Scheduled.Peek().ContinuesIterator ? _options.MaxHold : _options.Quantum;
            if (othersWaiting.Count == 0 || held < limit)
            {
                return CurrentFile;
            }
        }

        return Oldest(othersWaiting.Select(f => (f.Key, f.Value.Scheduled.Peek().Order)));
    }

    private static string? Oldest(IEnumerable<(string File, long Order)> heads)
    {
        string? oldest = null;
        var order = long.MaxValue;
        foreach (var (file, headOrder) in heads)
        {
            if (headOrder < order)
            {
                (oldest, order) = (file, headOrder);
            }
        }

        return oldest;
    }

    private sealed class FileQueue
    {
        public Queue<GatewayWork<T>> Interactive { get; private set; } = new();

        public Queue<GatewayWork<T>> Scheduled { get; private set; } = new();

        public int Count => Interactive.Count + Scheduled.Count;

        public GatewayWork<T> Take() => Interactive.Count > 0 ? Interactive.Dequeue() : Scheduled.Dequeue();

        public List<GatewayWork<T>> RemoveWhere(Func<T, bool> match)
        {
            var removed = Interactive.Concat(Scheduled).Where(w => match(w.Item)).ToList();
            Interactive = new Queue<GatewayWork<T>>(Interactive.Where(w => !match(w.Item)));
            Scheduled = new Queue<GatewayWork<T>>(Scheduled.Where(w => !match(w.Item)));
            return removed;
        }
    }
}
