using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace QbConnector.Engine.Pushes;

/// <summary>
/// The ids a push carries into QuickBooks, derived from the push's id alone, so every attempt
/// (also after a crash) uses the same ones.
/// </summary>
public static class PushIds
{
    /// <summary>QuickBooks keeps message set ids of at most this many characters.</summary>
    public const int MaxMessageSetIdLength = 24;

    /// <summary>
    /// The qbXML <c>newMessageSetID</c> of the push. A short plain id is used as it is; the cloud's
    /// GUIDs (36 characters, too long for QuickBooks) become their 22-character base64url form;
    /// anything else a hash of the id.
    /// </summary>
    public static string MessageSetId(string pushId)
    {
        ArgumentException.ThrowIfNullOrEmpty(pushId);
        if (pushId.Length <= MaxMessageSetIdLength && pushId.All(IsPlain))
        {
            return pushId;
        }

        if (Guid.TryParseExact(pushId, "D", out var guid))
        {
            return "g" + Base64Url.EncodeToString(guid.ToByteArray());
        }

        return "h" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(pushId)))[..(MaxMessageSetIdLength - 1)];
    }

    /// <summary>
    /// The ExternalGUID stamped on an Add: the push id itself when it is a GUID, else a GUID made
    /// from its hash. It comes back in the record, a second proof of which push made it.
    /// </summary>
    public static Guid ExternalGuid(string pushId)
    {
        ArgumentException.ThrowIfNullOrEmpty(pushId);
        if (Guid.TryParse(pushId, out var guid))
        {
            return guid;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(pushId)).AsSpan(0, 16).ToArray();
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8: a name-based GUID of our own making
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash);
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
