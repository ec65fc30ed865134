using Serilog;

namespace QbConnector.Engine.Actors.Core;

/// <summary>What an actor may do about itself and its children while it processes a message (as Akka's IActorContext).</summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; Nobody when there is none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    ActorSystem System { get; }

    Props Props { get; }

    ILogger Log { get; }

    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The child of that name, or Nobody.</summary>
    IActorRef Child(string name);

    IReadOnlyList<IActorRef> GetChildren();

    /// <summary>Stops a child or the actor itself, after the message being processed.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers Terminated(subject) once when the subject stops, also when it already has.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>No Terminated of the subject is delivered after this, even one already queued.</summary>
    IActorRef Unwatch(IActorRef subject);
}
