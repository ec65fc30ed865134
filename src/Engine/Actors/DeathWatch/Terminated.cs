using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.DeathWatch;

/// <summary>Delivered once to each watcher when the watched actor has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef);
