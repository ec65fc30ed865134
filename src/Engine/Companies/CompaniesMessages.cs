using QbConnector.CloudContract.V1;

namespace QbConnector.Engine.Companies;

/// <summary>Adds a linked company and starts its actor; answered with <see cref="CompanyAddedReply"/>.</summary>
public sealed record AddCompany(CompanyProfile Profile, Settings Settings);

/// <summary>The company is linked and its actor runs.</summary>
public sealed record CompanyAddedReply(string CompanyId, bool AlreadyLinked);

/// <summary>A manual sync for one company, or all when the id is null; answered with the number of companies asked.</summary>
public sealed record SyncCompanies(string? CompanyId, SyncNow Request);
