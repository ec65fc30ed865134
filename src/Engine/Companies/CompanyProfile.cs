namespace QbConnector.Engine.Companies;

/// <summary>What the engine knows of a linked company: who it is in the cloud, its file, and how it is shown.</summary>
public sealed record CompanyProfile(
    string CompanyId,
    string CompanyName,
    string CompanyFile,
    Region Region,
    string PlatformName,
    string? LogoDataUrl,
    string? ColourHex);
