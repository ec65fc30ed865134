namespace QbConnector.Engine.Actors.Core;

/// <summary>The actor could not be created or its PreStart failed; the default supervisor stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    public ActorInitializationException()
    {
    }

    public ActorInitializationException(string message)
        : base(message)
    {
    }

    public ActorInitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
