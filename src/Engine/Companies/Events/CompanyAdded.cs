using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>A company file was linked to the cloud on this install.</summary>
[EventManifest("companies.company-added.v1")]
public sealed record CompanyAdded(CompanyProfile Profile, DateTimeOffset LinkedAt);
