using System.Xml.Linq;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>Builds qbXML request documents for the session tests (XML built as a tree, never by concatenating text).</summary>
internal static class QbXmlTestMessages
{
    public static string Request(string onError, params XElement[] requests) => Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", onError), requests));

    public static string Request(params XElement[] requests) => Request("stopOnError", requests);

    public static string Document(XElement messages)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XProcessingInstruction("qbxml", "version=\"13.0\""),
            new XElement("QBXML", messages));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    public static XElement Rq(string name, params object[] content) => new(name, content);

    public static XElement El(string name, object? value) => new(name, value);

    public static XElement Ref(string name, string fullName) => new(name, new XElement("FullName", fullName));

    public static XElement RefId(string name, string listId) => new(name, new XElement("ListID", listId));

    public static IReadOnlyList<XElement> Responses(string responseXml) => XDocument.Parse(responseXml).Root!.Element("QBXMLMsgsRs")!.Elements().ToList();

    public static XElement Single(string responseXml) => Responses(responseXml).Single();

    public static int Status(XElement response) => (int)response.Attribute("statusCode")!;
}
