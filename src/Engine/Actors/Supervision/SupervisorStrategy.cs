using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.DeathWatch;

namespace QbConnector.Engine.Actors.Supervision;

/// <summary>How a parent treats a failed child (as Akka's SupervisorStrategy).</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Restart on any exception, except failed starts and death pacts, which stop the child.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stop the child on any exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    public abstract Directive Decide(Exception cause);

    internal abstract void HandleFailure(ActorCell supervisor, IInternalActorRef child, Exception cause, ChildRestartStats stats);
}
