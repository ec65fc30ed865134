using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>Every page of this window of TimeModified is durable in the outbox; it is never fetched again.</summary>
[EventManifest("company.window-completed.v1")]
public sealed record WindowCompleted(string WorkId, string DataType, DateTimeOffset From, DateTimeOffset To, int Records);
