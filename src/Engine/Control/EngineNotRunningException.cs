namespace QbConnector.Engine.Control;

/// <summary>The CLI could not reach a running engine.</summary>
public sealed class EngineNotRunningException : Exception
{
    public EngineNotRunningException()
    {
    }

    public EngineNotRunningException(string message)
        : base(message)
    {
    }

    public EngineNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
