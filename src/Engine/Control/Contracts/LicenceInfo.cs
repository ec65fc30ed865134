namespace QbConnector.Engine.Control.Contracts;

/// <summary>What the cloud says about a licence key before linking: whose platform it opens.</summary>
/// <param name="Branding">The platform's name, logo and colour; null when the engine cannot tell yet.</param>
public sealed record LicenceInfo(string LicenceKey, Branding? Branding);
