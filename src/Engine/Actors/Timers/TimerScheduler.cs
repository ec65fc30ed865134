using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Timers;

/// <summary>The timers of one actor cell. Used only from the actor's own turns; the clock's callbacks only enqueue ticks.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Entry> _timers = [];
    private long _generation;

    public int ActiveCount => _timers.Count;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) => Start(key, message, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval) => Start(key, message, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True when the tick comes from the live timer of its key; a single timer is then done.</summary>
    public bool Accept(TimerTick tick)
    {
        if (!_timers.TryGetValue(tick.Key, out var entry) || entry.Generation != tick.Generation)
        {
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(tick.Key);
            entry.Timer.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan due, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var tick = new TimerTick(key, ++_generation, message);
        var timer = cell.System.Time.CreateTimer(static state => ((TickSender)state!).Send(), new TickSender(cell, tick), due, period);
        _timers[key] = new Entry(timer, tick.Generation, period != Timeout.InfiniteTimeSpan);
    }

    private sealed record Entry(ITimer Timer, long Generation, bool Periodic);

    private sealed class TickSender(ActorCell cell, TimerTick tick)
    {
        public void Send() => cell.Mailbox.PostBypassingBound(new Envelope(tick, ActorRefs.Nobody));
    }
}
