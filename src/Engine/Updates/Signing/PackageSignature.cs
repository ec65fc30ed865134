using System.Security.Cryptography;

namespace QbConnector.Engine.Updates.Signing;

/// <summary>
/// A package's detached signature: ECDSA P-256 over SHA-256 of the package bytes, as the
/// contract says. Both encodings in use are accepted: IEEE P1363 (r‖s, 64 bytes, .NET's default)
/// and DER (what OpenSSL writes).
/// </summary>
public static class PackageSignature
{
    public static bool IsValid(ECDsa publicKey, ReadOnlySpan<byte> packageSha256, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (packageSha256.Length != SHA256.HashSizeInBytes || signature.IsEmpty || signature.Length > 128)
        {
            return false;
        }

        var format = signature.Length == 64 ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence;
        try
        {
            return publicKey.VerifyHash(packageSha256, signature, format);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Signs a package (the release side; the connector itself only verifies).</summary>
    public static byte[] Sign(ECDsa privateKey, ReadOnlySpan<byte> packageBytes)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return privateKey.SignData(packageBytes, HashAlgorithmName.SHA256);
    }
}
