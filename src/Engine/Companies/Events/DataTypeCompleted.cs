using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>A data type is synced up to <paramref name="Watermark"/>; the next incremental sync starts there.</summary>
[EventManifest("company.data-type-completed.v1")]
public sealed record DataTypeCompleted(string WorkId, string DataType, DateTimeOffset Watermark, DateTimeOffset CompletedAt);
