namespace QbConnector.Engine.Outbox;

/// <summary>
/// One page of fetched records waiting for the cloud's acknowledgement. The payload is opaque
/// here (the serialised records); the sequence number is per company, strictly increasing and
/// never reused, so a page re-sent after a reconnect is recognised by the cloud.
/// </summary>
public sealed record OutboxPage(
    string CompanyId,
    long Sequence,
    string WorkId,
    string DataType,
    int RecordCount,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset CreatedAt);
