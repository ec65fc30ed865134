using System.Reflection;
using System.Security.Cryptography;

namespace QbConnector.Engine.Updates.Signing;

/// <summary>
/// The pinned public key that update packages must be signed with (ECDSA P-256,
/// SubjectPublicKeyInfo, base64). Only the public half lives in the connector; the private half
/// stays with the platform's release signing and never enters this repository. A release build
/// sets the real key with the MSBuild property <c>UpdateSigningPublicKey</c> (see docs/packaging.md);
/// without it the placeholder below is built in. Tests pass a key they generate themselves instead.
/// </summary>
public static class UpdateSigningKey
{
    /// <summary>The assembly metadata key the build writes the release key under.</summary>
    public const string MetadataKey = "UpdateSigningPublicKey";

    /// <summary>Built in when the build sets no key: its private half exists nowhere, so nothing validates against it.</summary>
    public const string PlaceholderPublicKey =
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiNqlI/XUiYh22YA2+bNMYOlEMtKvyJ3c3270qiPtpHq5U9mmKRqQyZMZynTjMm7mVWrhgcKDiIB7znuNFDRYjA==";

    /// <summary>The key this build trusts: the one set at build time, else the placeholder.</summary>
    public static string BuiltInPublicKey { get; } =
        typeof(UpdateSigningKey).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey && !string.IsNullOrWhiteSpace(a.Value))?.Value?.Trim()
        ?? PlaceholderPublicKey;

    /// <summary>Loads a P-256 public key from SubjectPublicKeyInfo bytes (base64 or PEM).</summary>
    public static ECDsa Load(string publicKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKey);
        var key = ECDsa.Create();
        try
        {
            if (publicKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(publicKey);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            }

            if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("The update signing key must be an ECDSA P-256 key.");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static ECDsa LoadBuiltIn() => Load(BuiltInPublicKey);
}
