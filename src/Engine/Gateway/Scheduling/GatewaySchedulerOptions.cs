namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>How the one QuickBooks session is shared between company files.</summary>
public sealed class GatewaySchedulerOptions
{
    /// <summary>
    /// How long one file keeps the session while other files wait with scheduled work. Opening a
    /// file is slow (seconds to tens of seconds), so the quantum is long compared with a request.
    /// </summary>
    public TimeSpan Quantum { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A file in the middle of an iterator keeps the session past the quantum (switching files
    /// kills the iterator and its window must be fetched again), but never longer than this.
    /// </summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// After a request whose sender said another follows (the next page), the session waits this
    /// long for it before serving another file, so a sync is not interrupted by its own round trip.
    /// </summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The session is ended after this long without work, so the person can use QuickBooks.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
