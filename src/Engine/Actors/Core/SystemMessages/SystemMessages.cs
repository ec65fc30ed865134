namespace QbConnector.Engine.Actors.Core.SystemMessages;

/// <summary>Creates the actor instance and runs PreStart; always the first message of a cell.</summary>
internal sealed record Create : ISystemMessage;

/// <summary>Stops the actor (its children first).</summary>
internal sealed record Terminate : ISystemMessage;

/// <summary>Supervisor's decision: keep the instance and go on with the next message.</summary>
internal sealed record Resume : ISystemMessage;

/// <summary>Supervisor's decision: replace the instance.</summary>
internal sealed record Recreate(Exception Cause) : ISystemMessage;

/// <summary>A child tells its parent it failed and is suspended, waiting for a directive.</summary>
internal sealed record Failed(IInternalActorRef Child, Exception Cause) : ISystemMessage;

internal sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : ISystemMessage;

internal sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : ISystemMessage;

/// <summary>The watchee (or a child) has terminated.</summary>
internal sealed record DeathWatchNotification(IInternalActorRef Actor) : ISystemMessage;
