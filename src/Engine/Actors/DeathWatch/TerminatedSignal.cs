namespace QbConnector.Engine.Actors.DeathWatch;

/// <summary>The kernel's envelope of a Terminated in the watcher's mailbox, so an Unwatch can still cancel it.</summary>
internal sealed record TerminatedSignal(Terminated Terminated);
