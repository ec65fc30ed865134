namespace QbConnector.Engine.Control;

/// <summary>A control command refused, with the reason in plain words and the HTTP status to answer.</summary>
public sealed class ControlException : Exception
{
    public ControlException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public ControlException()
    {
    }

    public ControlException(string message)
        : base(message)
    {
    }

    public ControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; } = 400;
}
