namespace QbConnector.Engine.Hosting;

/// <summary>A second engine was started for a data folder that one already uses.</summary>
public sealed class EngineAlreadyRunningException : Exception
{
    public EngineAlreadyRunningException()
    {
    }

    public EngineAlreadyRunningException(string message)
        : base(message)
    {
    }

    public EngineAlreadyRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
