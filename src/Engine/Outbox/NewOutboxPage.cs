namespace QbConnector.Engine.Outbox;

/// <summary>A page about to be appended; the outbox assigns its sequence number.</summary>
/// <param name="Keys">The records' (ID, EditSequence), remembered in the same transaction so that a window fetched again after a crash sends nothing twice.</param>
public sealed record NewOutboxPage(string CompanyId, string WorkId, string DataType, int RecordCount, ReadOnlyMemory<byte> Payload)
{
    public IReadOnlyList<OutboxRecordKey> Keys { get; init; } = [];

    /// <summary>Ids this page reports deleted: forgotten as known records in the same transaction, so a crash never loses or repeats a reconciliation.</summary>
    public IReadOnlyList<string> DeletedIds { get; init; } = [];
}
