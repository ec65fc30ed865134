using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Pushes;

namespace QbConnector.Engine.Companies.Events;

/// <summary>
/// The company took a push from the cloud into its durable queue (persisted before the cloud is
/// told). <paramref name="RecordJson"/> is the record as the cloud sent it; a Mod also carries the
/// record's id and the EditSequence the cloud last saw.
/// </summary>
/// <param name="Refusal">Why the record was not kept (too large, not UTF-8); the push then fails with it.</param>
[EventManifest("company.push-accepted.v1")]
public sealed record PushAccepted(
    string WorkId,
    string PushId,
    string DataType,
    PushAction Action,
    string RecordJson,
    string? RecordId,
    string? EditSequence,
    DateTimeOffset AcceptedAt,
    string? Refusal = null);
