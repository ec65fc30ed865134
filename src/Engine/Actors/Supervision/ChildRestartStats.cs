namespace QbConnector.Engine.Actors.Supervision;

/// <summary>Counts a child's restarts within the strategy's time window (Akka's retriesInWindowOkay).</summary>
internal sealed class ChildRestartStats
{
    private int _restartCount;
    private DateTimeOffset? _windowStart;

    public bool RequestRestartPermission(TimeProvider time, int maxNrOfRetries, TimeSpan withinTimeRange)
    {
        var unlimitedWindow = withinTimeRange == Timeout.InfiniteTimeSpan || withinTimeRange <= TimeSpan.Zero;
        if (maxNrOfRetries < 0)
        {
            return true;
        }

        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (unlimitedWindow)
        {
            return ++_restartCount <= maxNrOfRetries;
        }

        var now = time.GetUtcNow();
        _windowStart ??= now;
        if (now - _windowStart.Value <= withinTimeRange)
        {
            _restartCount++;
            return _restartCount <= maxNrOfRetries;
        }

        // The window has passed: this restart opens a new one.
        _restartCount = 1;
        _windowStart = now;
        return true;
    }
}
