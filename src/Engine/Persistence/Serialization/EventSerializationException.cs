namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>An event or snapshot could not be turned into stored bytes, or back.</summary>
public class EventSerializationException : Exception
{
    public EventSerializationException()
    {
    }

    public EventSerializationException(string message)
        : base(message)
    {
    }

    public EventSerializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
