using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Pushes;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The push's final outcome is known and kept here; it is never sent to QuickBooks again.</summary>
[EventManifest("company.push-outcome-recorded.v1")]
public sealed record PushOutcomeRecorded(string PushId, PushOutcome Outcome, DateTimeOffset RecordedAt);
