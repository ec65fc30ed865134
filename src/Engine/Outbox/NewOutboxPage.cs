namespace QbConnector.Engine.Outbox;

/// <summary>A page about to be appended; the outbox assigns its sequence number.</summary>
/// <param name="Keys">The records' (ID, EditSequence), remembered in the same transaction so that a window fetched again after a crash sends nothing twice.</param>
public sealed record NewOutboxPage(string CompanyId, string WorkId, string DataType, int RecordCount, ReadOnlyMemory<byte> Payload)
{
    public IReadOnlyList<OutboxRecordKey> Keys { get; init; } = [];
}
