using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>A company was unlinked or deauthorised; its actor and data are gone.</summary>
[EventManifest("companies.company-removed.v1")]
public sealed record CompanyRemoved(string CompanyId, DateTimeOffset RemovedAt);
