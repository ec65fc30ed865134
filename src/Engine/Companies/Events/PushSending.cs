using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>
/// The push's write is about to reach QuickBooks (persisted before it is sent). From here on its
/// outcome is unknown until recorded: before any new attempt QuickBooks is asked for the outcome
/// it stored under the push's message set id.
/// </summary>
[EventManifest("company.push-sending.v1")]
public sealed record PushSending(string PushId, string MessageSetId, DateTimeOffset At);
