using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace QbConnector.LoadDriver;

/// <summary>
/// What QuickBooks returned, read from the engine's qbXML trace (<c>run --qbxml-trace DIR</c>:
/// NNNNNN-request.xml and NNNNNN-response.xml, numbered on across restarts). A record is a
/// <c>…Ret</c> element of an answer, known by its type and ListID or TxnID; a window is a query
/// started afresh with its iterator's following pages. Linking's own questions are left out.
/// </summary>
internal static class TraceRecords
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1L << 30 };

    /// <param name="Returned">Records in every answer, counted each time QuickBooks returned them.</param>
    /// <param name="Distinct">Different records among them (type and id).</param>
    /// <param name="Windows">Queries started afresh (iterator starts and queries without iterator).</param>
    /// <param name="LargestWindow">Records returned by the largest window, its pages together.</param>
    /// <param name="WindowsAgain">Windows asked for more than once: the same query with the same criteria started afresh.</param>
    public sealed record Summary(long Returned, long Distinct, int Windows, long LargestWindow, int WindowsAgain);

    public static Summary Read(string traceDirectory)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var windows = new Dictionary<string, long>(StringComparer.Ordinal); // iterator id (or exchange number) → records
        var starts = new Dictionary<string, int>(StringComparer.Ordinal); // a fresh query's text without its requestID → times asked
        long returned = 0;
        foreach (var requestPath in Directory.EnumerateFiles(traceDirectory, "??????-request.xml").Order(StringComparer.Ordinal))
        {
            var responsePath = requestPath.Replace("-request.xml", "-response.xml", StringComparison.Ordinal);
            if (!File.Exists(responsePath))
            {
                continue; // The exchange the engine was killed in, or a failed call.
            }

            var request = ReadRequest(requestPath);
            if (request.RequestId.StartsWith("link-", StringComparison.Ordinal))
            {
                continue;
            }

            if (request.Iterator != "Continue")
            {
                starts[request.Criteria] = starts.GetValueOrDefault(request.Criteria) + 1;
            }

            var answer = ReadAnswer(responsePath);
            returned += answer.Ids.Count;
            foreach (var id in answer.Ids)
            {
                seen.Add(id);
            }

            // A page continuing an iterator belongs to the window that started it; anything else is a window of its own.
            var window = request.Iterator == "Continue" && request.IteratorId.Length > 0
                ? request.IteratorId
                : answer.IteratorId.Length > 0 ? answer.IteratorId : Path.GetFileName(requestPath);
            windows[window] = windows.GetValueOrDefault(window) + answer.Ids.Count;
        }

        return new Summary(returned, seen.Count, windows.Count, windows.Count == 0 ? 0 : windows.Values.Max(), starts.Values.Count(n => n > 1));
    }

    private sealed record Request(string RequestId, string Iterator, string IteratorId, string Criteria);

    private sealed record Answer(string IteratorId, List<string> Ids);

    private static Request ReadRequest(string path)
    {
        using var reader = XmlReader.Create(path, Safe);
        var document = XDocument.Load(reader);
        var first = document.Root?.Element("QBXMLMsgsRq")?.Elements().FirstOrDefault();
        if (first is null)
        {
            return new Request("", "", "", "");
        }

        var requestId = (string?)first.Attribute("requestID") ?? "";
        first.Attribute("requestID")?.Remove();
        return new Request(requestId, (string?)first.Attribute("iterator") ?? "", (string?)first.Attribute("iteratorID") ?? "", first.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>The records of an answer as "RetName/id" (or "RetName#n" for one without an id, such as a report), and its iterator.</summary>
    private static Answer ReadAnswer(string path)
    {
        using var reader = XmlReader.Create(path, Safe);
        var ids = new List<string>();
        var iteratorId = "";
        var unnamed = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == 2 && reader.LocalName.EndsWith("Rs", StringComparison.Ordinal))
            {
                iteratorId = reader.GetAttribute("iteratorID") ?? iteratorId;
            }
            else if (reader.Depth == 3 && reader.LocalName.EndsWith("Ret", StringComparison.Ordinal))
            {
                var name = reader.LocalName;
                using var record = reader.ReadSubtree();
                ids.Add(name + "/" + (FirstId(record) ?? "#" + (++unnamed).ToString(CultureInfo.InvariantCulture) + "@" + Path.GetFileName(path)));
            }
        }

        return new Answer(iteratorId, ids);
    }

    private static string? FirstId(XmlReader record)
    {
        while (record.Read())
        {
            if (record.NodeType == XmlNodeType.Element && record.Depth == 1 && record.LocalName is "ListID" or "TxnID")
            {
                return record.ReadElementContentAsString();
            }
        }

        return null;
    }
}
