namespace QbConnector.Engine.Actors.Supervision;

/// <summary>Exponential backoff with jitter, as Akka's BackoffSupervisor.CalculateDelay.</summary>
public static class BackoffDelay
{
    /// <param name="randomValue">A value in [0, 1) that picks the jitter.</param>
    public static TimeSpan Calculate(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, double randomValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(restartCount);
        var stretch = 1.0 + (randomValue * randomFactor);
        var exponential = restartCount >= 30
            ? maxBackoff
            : TimeSpan.FromTicks((long)Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount)));
        return TimeSpan.FromTicks((long)(exponential.Ticks * stretch));
    }
}
