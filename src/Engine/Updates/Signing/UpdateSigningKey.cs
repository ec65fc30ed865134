using System.Security.Cryptography;

namespace QbConnector.Engine.Updates.Signing;

/// <summary>
/// The pinned public key that update packages must be signed with (ECDSA P-256,
/// SubjectPublicKeyInfo, base64). Only the public half lives in the connector; the private half
/// stays with the platform's release signing and never enters this repository. Tests pass a key
/// they generate themselves instead.
/// </summary>
public static class UpdateSigningKey
{
    public const string BuiltInPublicKey =
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiNqlI/XUiYh22YA2+bNMYOlEMtKvyJ3c3270qiPtpHq5U9mmKRqQyZMZynTjMm7mVWrhgcKDiIB7znuNFDRYjA==";

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
