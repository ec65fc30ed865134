namespace QbConnector.Engine.Outbox;

/// <summary>
/// The outbox has reached its disk budget: the cloud has not acknowledged enough pages.
/// Syncs pause with a clear status until pages drain; nothing already stored is lost.
/// </summary>
public sealed class OutboxFullException : Exception
{
    public OutboxFullException(long pendingBytes, long budgetBytes)
        : base($"The outbox holds {pendingBytes:N0} bytes waiting for the cloud, over its budget of {budgetBytes:N0} bytes. Syncing pauses until the cloud link catches up.")
    {
        PendingBytes = pendingBytes;
        BudgetBytes = budgetBytes;
    }

    public OutboxFullException()
    {
    }

    public OutboxFullException(string message)
        : base(message)
    {
    }

    public OutboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long PendingBytes { get; }

    public long BudgetBytes { get; }
}
