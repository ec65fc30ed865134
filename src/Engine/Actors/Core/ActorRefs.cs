namespace QbConnector.Engine.Actors.Core;

/// <summary>Well-known references, as Akka's ActorRefs.</summary>
public static class ActorRefs
{
    /// <summary>A reference that accepts and ignores everything; the sender of messages without one.</summary>
    public static IActorRef Nobody { get; } = new NobodyRef();

    private sealed class NobodyRef : IActorRef
    {
        public string Path => "/nobody";

        public void Tell(object message, IActorRef? sender = null)
        {
        }

        public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public override string ToString() => Path;
    }
}
