using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The company took on a sync of these data types (persisted before the cloud is told).</summary>
/// <param name="Full">Fetch everything, ignoring watermarks.</param>
/// <param name="Interactive">Asked for by a person (manual sync): served before scheduled work.</param>
[EventManifest("company.work-accepted.v1")]
public sealed record WorkAccepted(string WorkId, IReadOnlyList<string> DataTypes, bool Full, bool Interactive, DateTimeOffset AcceptedAt);
