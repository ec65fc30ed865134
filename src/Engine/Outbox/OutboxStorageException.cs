namespace QbConnector.Engine.Outbox;

/// <summary>The outbox file cannot be opened or written; the message names the file and what to do.</summary>
public sealed class OutboxStorageException : Exception
{
    public OutboxStorageException()
    {
    }

    public OutboxStorageException(string message)
        : base(message)
    {
    }

    public OutboxStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
