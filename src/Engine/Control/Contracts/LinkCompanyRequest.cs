namespace QbConnector.Engine.Control.Contracts;

/// <summary>What a person gives to link a company file: the cloud's licence key, the file and the region.</summary>
/// <param name="Region">US, CA (Canada) or UK.</param>
/// <param name="CloudUrl">The cloud's address; the engine's configured cloud when omitted.</param>
public sealed record LinkCompanyRequest(string LicenceKey, string CompanyFile, string Region, string? CloudUrl = null);
