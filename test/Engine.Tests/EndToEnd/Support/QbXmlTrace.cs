using System.Xml;
using System.Xml.Linq;

namespace QbConnector.Engine.Tests.EndToEnd.Support;

/// <summary>Reads the engine's qbXML trace (<c>run --qbxml-trace DIR</c>: NNNNNN-request.xml, in order).</summary>
public static class QbXmlTrace
{
    /// <summary>Every request element sent to QuickBooks, in the order sent.</summary>
    public static IReadOnlyList<XElement> Requests(string directory) =>
        Directory.EnumerateFiles(directory, "??????-request.xml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Parse(File.ReadAllText(f)).Root!.Element("QBXMLMsgsRq")!.Elements())
            .ToList();

    /// <summary>
    /// The windows of a sync that were asked for more than once: the same query with the same
    /// criteria, started afresh (not an iterator's next page). Linking's own questions are left out.
    /// </summary>
    public static IReadOnlyList<string> RefetchedWindows(string directory) =>
        Requests(directory)
            .Where(r => (string?)r.Attribute("iterator") != "Continue" && !((string?)r.Attribute("requestID") ?? "").StartsWith("link-", StringComparison.Ordinal))
            .Select(WindowKey)
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

    /// <summary>How many windows (fresh starts of a query) the trace holds.</summary>
    public static int Windows(string directory) =>
        Requests(directory).Count(r => (string?)r.Attribute("iterator") != "Continue");

    private static string WindowKey(XElement request)
    {
        var copy = new XElement(request);
        copy.Attribute("requestID")?.Remove();
        return copy.ToString(SaveOptions.DisableFormatting);
    }

    private static XDocument Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 10_000_000 });
        return XDocument.Load(reader);
    }
}
