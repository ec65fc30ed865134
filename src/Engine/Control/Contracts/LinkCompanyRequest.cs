namespace QbConnector.Engine.Control.Contracts;

/// <summary>What a person gives to link a company file: the cloud's licence key, the file and the region.</summary>
/// <param name="Region">US, CA (Canada) or UK.</param>
/// <param name="CloudUrl">The cloud's address; the engine's configured cloud when omitted.</param>
/// <param name="Wait">
/// True: the answer comes when the link is done (or refused). False: the answer comes once the
/// request is checked, and the link goes on in the background, shown in the status under the
/// licence key (linking, waiting for the person in QuickBooks, then the company's own status, or
/// the reason it failed): what a page that shows progress wants.
/// </param>
public sealed record LinkCompanyRequest(string LicenceKey, string CompanyFile, string Region, string? CloudUrl = null, bool Wait = true);
