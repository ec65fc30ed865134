using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;

namespace QbConnector.Engine.Pushes;

/// <summary>
/// Looks up a push's references to customers, vendors, accounts and items in QuickBooks (one
/// query each, in one message set) before the write is sent, so a reference to nothing is
/// reported with its field rather than as QuickBooks' bare 3140.
/// </summary>
public static class PushReferenceCheck
{
    /// <summary>The lookup document, or null when the push refers to nothing that is checked.</summary>
    public static string? Request(IReadOnlyList<PushReference> references, string qbXmlVersion = QbMessageSet.DefaultVersion)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            return null;
        }

        var queries = references.Select((r, i) => (QbRequest)new QbQueryRequest(QbCatalog.GetByDataType(r.DataType))
        {
            RequestId = "ref" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Ids = r.ListId is { } id ? [id] : [],
            Names = r.ListId is null && r.FullName is { } name ? [name] : [],
            ActiveStatus = null,
            IncludeRetElements = ["ListID"],
        }).ToList();
        return QbRequestWriter.Write(new QbMessageSet { Version = qbXmlVersion, OnError = QbOnError.ContinueOnError, Requests = queries });
    }

    /// <summary>A problem per reference QuickBooks found nothing for, naming the field.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<PushReference> references, string responseXml)
    {
        ArgumentNullException.ThrowIfNull(references);
        var found = new HashSet<int>();
        using (var reader = QbResponseReader.Create(responseXml))
        {
            while (reader.NextResponse() is { } header)
            {
                var hasRecord = reader.ReadRecords().Any();
                if (hasRecord && header.RequestId is { } requestId && requestId.StartsWith("ref", StringComparison.Ordinal)
                    && int.TryParse(requestId.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    found.Add(index);
                }
            }
        }

        return references
            .Select((r, i) => (r, i))
            .Where(p => !found.Contains(p.i))
            .Select(p => $"{p.r.Path}: no {Singular(p.r.DataType)} with {p.r.Describe()} in QuickBooks")
            .ToList();
    }

    private static string Singular(string dataType) => dataType switch
    {
        "customers" => "customer",
        "vendors" => "vendor",
        "accounts" => "account",
        _ => "item",
    };
}
