using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.DeathWatch;

/// <summary>An actor did not handle the Terminated of an actor it watched; by default it is stopped too.</summary>
public sealed class DeathPactException : Exception
{
    public DeathPactException()
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeathPactException(IActorRef deadActor)
        : base($"Unhandled Terminated of {deadActor?.Path}.")
    {
        DeadActor = deadActor;
    }

    public IActorRef? DeadActor { get; }
}
