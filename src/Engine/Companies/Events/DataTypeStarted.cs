using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>
/// A data type's sync began. <paramref name="Until"/> is fixed here (QuickBooks' clock at the
/// start), so the windows after a restart are exactly those planned before it.
/// </summary>
[EventManifest("company.data-type-started.v1")]
public sealed record DataTypeStarted(string WorkId, string DataType, DateTimeOffset? From, DateTimeOffset Until);
