using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>Converts between call metadata and HTTP header values.</summary>
public static class MetadataHeaders
{
    /// <summary>The header value of an entry: text as is, bytes as unpadded base64.</summary>
    public static string ToHeaderValue(Metadata.Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsBinary ? MetadataBase64.Encode(entry.ValueBytes) : entry.Value;
    }

    /// <summary>
    /// Adds received header values to <paramref name="metadata"/>, skipping the protocol's own
    /// headers. A "-bin" value may hold several comma-separated base64 values; one that does not
    /// decode is dropped rather than failing the call.
    /// </summary>
    public static void AddFromHeader(Metadata metadata, string name, IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        var binary = Metadata.IsBinaryKey(key);
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (!binary)
            {
                metadata.Add(Metadata.Entry.FromWire(key, value));
                continue;
            }

            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (MetadataBase64.TryDecode(part, out var bytes))
                {
                    metadata.Add(Metadata.Entry.FromWire(key, bytes));
                }
            }
        }
    }
}
