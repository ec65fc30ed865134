using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.DeathWatch;
using QbConnector.Engine.Actors.Supervision;
using Serilog;

namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// The base of every actor (as Akka's ActorBase). Instances are made only by the kernel from Props;
/// the kernel calls the hooks and Receive one at a time, never concurrently.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorInitializationException("An actor is created by ActorOf with Props, never with new.");
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    protected IActorRef Sender => _cell.Sender;

    protected ILogger Log => _cell.Log;

    internal ActorCell Cell => _cell;

    /// <summary>Handles one message; false when it is not handled (it then goes to Unhandled).</summary>
    protected abstract bool Receive(object message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Before the instance is replaced: by default stops all children and runs PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>On the new instance after a restart: by default runs PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>An unhandled Terminated fails the actor (DeathPactException); any other message becomes a dead letter.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.PublishDeadLetter(new DeadLetter(message, Sender, Self, DeadLetterReason.Unhandled));
    }

    /// <summary>Runs Receive; a returned unfinished task keeps the actor on this message until it completes.</summary>
    internal virtual Task? AroundReceive(object message)
    {
        if (!Receive(message))
        {
            Unhandled(message);
        }

        return null;
    }

    internal virtual Task? AroundPreStart()
    {
        PreStart();
        return null;
    }

    internal virtual void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal virtual Task? AroundPostRestart(Exception reason)
    {
        PostRestart(reason);
        return null;
    }

    internal virtual void AroundPostStop() => PostStop();

    internal SupervisorStrategy GetSupervisorStrategy() => SupervisorStrategy();
}
