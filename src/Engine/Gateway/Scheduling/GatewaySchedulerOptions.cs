namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>How the one QuickBooks session is shared between company files.</summary>
public sealed class GatewaySchedulerOptions
{
    /// <summary>
    /// How long one file keeps the session while other files wait with scheduled work. Opening a
    /// file is slow (seconds to tens of seconds), so the quantum is long compared with a request:
    /// with long syncs competing, every switch costs an open, and at about 12 s an open a 30 s
    /// quantum spent some 30 % of QuickBooks' time opening files, 3 minutes about 6 %. Work the
    /// person is waiting for (pushes, Sync now) does not wait for a quantum.
    /// </summary>
    public TimeSpan Quantum { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A file in the middle of an iterator keeps the session past the quantum (switching files
    /// kills the iterator and its window must be fetched again), but never longer than this.
    /// </summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a request whose sender said another follows (the next page), the session waits this
    /// long for it before serving another file, so a sync is not interrupted by its own round trip.
    /// </summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The session is ended after this long without work, so the person can use QuickBooks.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
