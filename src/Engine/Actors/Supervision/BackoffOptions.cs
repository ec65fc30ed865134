using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Supervision;

/// <summary>
/// The settings of a BackoffSupervisor. The n-th restart in a row waits min(max, min·2ⁿ) stretched by
/// a random 0..RandomFactor; the count resets once a child has run for ResetBackoffAfter.
/// </summary>
public sealed record BackoffOptions
{
    public BackoffOptions(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrWhiteSpace(childName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        ResetBackoffAfter = minBackoff;
    }

    public Props ChildProps { get; }

    public string ChildName { get; }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    public BackoffMode Mode { get; init; } = BackoffMode.OnStop;

    /// <summary>How long a child must run before the restart count goes back to zero.</summary>
    public TimeSpan ResetBackoffAfter { get; init; }

    /// <summary>Restarts in a row before the supervisor gives up and stops; negative means never.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>How the child is supervised while it runs (OnStop mode); OnFailure always stops a failed child.</summary>
    public SupervisorStrategy? ChildSupervisorStrategy { get; init; }

    public Random Random { get; init; } = Random.Shared;

    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor);

    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(childProps, childName, minBackoff, maxBackoff, randomFactor) { Mode = BackoffMode.OnFailure };
}
