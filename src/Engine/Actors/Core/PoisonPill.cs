namespace QbConnector.Engine.Actors.Core;

/// <summary>Stops the actor once the messages enqueued before it are processed.</summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();
}
