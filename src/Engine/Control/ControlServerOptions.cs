namespace QbConnector.Engine.Control;

/// <summary>How the control API serves its live status stream.</summary>
public sealed class ControlServerOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How often the status stream re-reads the status when the engine has not signalled a change:
    /// the upper bound on how stale the dashboard can be.
    /// </summary>
    public TimeSpan StatusPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
