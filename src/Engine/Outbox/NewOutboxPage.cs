namespace QbConnector.Engine.Outbox;

/// <summary>A page about to be appended; the outbox assigns its sequence number.</summary>
public sealed record NewOutboxPage(string CompanyId, string WorkId, string DataType, int RecordCount, ReadOnlyMemory<byte> Payload);
