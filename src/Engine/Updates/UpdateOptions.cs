namespace QbConnector.Engine.Updates;

/// <summary>How the updater behaves; the defaults suit a PC on an ordinary office line.</summary>
public sealed record UpdateOptions
{
    /// <summary>The install root holding versions/, current, trial and staging/.</summary>
    public required string InstallRoot { get; init; }

    /// <summary>The running version; an announcement must be newer.</summary>
    public required string CurrentVersion { get; init; }

    /// <summary>The pinned signing key (SubjectPublicKeyInfo, base64 or PEM); the built-in one unless replaced.</summary>
    public string SigningPublicKey { get; init; } = Signing.UpdateSigningKey.BuiltInPublicKey;

    /// <summary>Average download rate; null for no limit.</summary>
    public long? MaxBytesPerSecond { get; init; } = 512 * 1024;

    /// <summary>Packages above this size are refused.</summary>
    public long MaxPackageBytes { get; init; } = 1024L * 1024 * 1024;
}
