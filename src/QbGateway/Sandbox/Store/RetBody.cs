using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Reads and rewrites a stored Ret body (an XML fragment) when a write or an outside edit changes it.</summary>
internal static class RetBody
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
    };

    /// <summary>The body's elements under a synthetic "Ret" parent.</summary>
    public static XElement Parse(string body)
    {
        var root = new XElement("Ret");
        using var stringReader = new StringReader(body);
        using var reader = XmlReader.Create(stringReader, ReaderSettings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                root.Add((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return root;
    }

    public static string Serialize(XElement root)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            foreach (var element in root.Elements())
            {
                element.WriteTo(writer);
            }
        }

        return text.ToString();
    }

    /// <summary>Sets (or inserts in schema order) a direct child's value; null removes it.</summary>
    public static void SetChild(XElement root, IReadOnlyList<string> order, string name, string? value)
    {
        var existing = root.Element(name);
        if (value is null)
        {
            existing?.Remove();
            return;
        }

        if (existing is not null)
        {
            existing.Value = value;
            return;
        }

        PlaceChild(root, order, new XElement(name, value));
    }

    /// <summary>Replaces (or inserts in schema order) a direct child element.</summary>
    public static void ReplaceChild(XElement root, IReadOnlyList<string> order, XElement element)
    {
        var existing = root.Element(element.Name);
        if (existing is not null)
        {
            existing.ReplaceWith(element);
            return;
        }

        PlaceChild(root, order, element);
    }

    private static void PlaceChild(XElement root, IReadOnlyList<string> order, XElement element)
    {
        var rank = IndexOf(order, element.Name.LocalName);
        foreach (var child in root.Elements())
        {
            if (IndexOf(order, child.Name.LocalName) > rank)
            {
                child.AddBeforeSelf(element);
                return;
            }
        }

        root.Add(element);
    }

    private static int IndexOf(IReadOnlyList<string> order, string name)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
