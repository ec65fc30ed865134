using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The linked companies, saved after a removal so the removed company's events can be deleted.</summary>
[EventManifest("companies.snapshot.v1")]
public sealed record CompaniesSnapshot(IReadOnlyList<CompanyProfile> Linked);
