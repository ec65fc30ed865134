namespace QbConnector.Engine.Actors.Core;

/// <summary>An address of an actor: the only way to talk to it (as Akka's IActorRef).</summary>
public interface IActorRef
{
    /// <summary>The actor's path, e.g. "/user/company-1/gateway".</summary>
    string Path { get; }

    /// <summary>Enqueues the message without waiting. A full bounded mailbox or a stopped actor turns it into a dead letter.</summary>
    void Tell(object message, IActorRef? sender = null);

    /// <summary>Enqueues the message, waiting for space when the mailbox is bounded and full (back-pressure).</summary>
    ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default);
}
