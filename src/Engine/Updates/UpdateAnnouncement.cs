namespace QbConnector.Engine.Updates;

/// <summary>
/// What the cloud says about a newer connector (the contract's UpdateAvailable): its version, the
/// package's absolute http(s) URL, the lower-case hex SHA-256 of the package bytes, and the
/// ECDSA P-256 signature of those bytes.
/// </summary>
public sealed record UpdateAnnouncement(string Version, string PackageUrl, string Sha256, ReadOnlyMemory<byte> Signature);
