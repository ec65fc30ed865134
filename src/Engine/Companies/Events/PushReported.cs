using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The push's result is durable in the outbox, on its way to the cloud: the push is done.</summary>
[EventManifest("company.push-reported.v1")]
public sealed record PushReported(string PushId, DateTimeOffset ReportedAt);
