namespace QbConnector.Engine.Actors.Shutdown;

/// <summary>One step of a coordinated shutdown: its tasks run together and get at most Timeout.</summary>
/// <param name="Recover">When false, a failed or late task aborts the phases after this one.</param>
public sealed record ShutdownPhase(string Name, TimeSpan Timeout, bool Recover = true);
