using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>Every data type of the work is done.</summary>
[EventManifest("company.work-completed.v1")]
public sealed record WorkCompleted(string WorkId, DateTimeOffset CompletedAt);
