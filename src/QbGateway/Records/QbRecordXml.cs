using System.Text;
using System.Xml;

namespace QbConnector.QbGateway.Records;

/// <summary>
/// Reads and writes records as qbXML Ret elements, field for field: element order, repeated
/// elements, attributes and text values (whitespace included) are kept exactly.
/// </summary>
public static class QbRecordXml
{
    /// <summary>qbXML nests a few levels deep; anything deeper than this is not a record.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>
    /// Reader settings for qbXML: no DTD, no resolver, whitespace kept (text values are exact),
    /// at most <paramref name="maxCharacters"/> characters.
    /// </summary>
    public static XmlReaderSettings SafeReaderSettings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        CloseInput = false,
    };

    /// <summary>
    /// Writer settings for qbXML: carriage returns and tabs are written as character references
    /// so they come back unchanged; invalid XML characters are refused.
    /// </summary>
    public static XmlWriterSettings WriterSettings(bool omitXmlDeclaration = true) => new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = omitXmlDeclaration,
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>The record's Ret element as an XML fragment.</summary>
    public static string ToXml(QbRecord record)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = XmlWriter.Create(text, WriterSettings()))
        {
            WriteRet(writer, record);
        }

        return text.ToString();
    }

    /// <summary>A record from its Ret element's XML.</summary>
    public static QbRecord FromXml(string retXml, string dataType)
    {
        using var reader = XmlReader.Create(new StringReader(retXml), SafeReaderSettings(64L * 1024 * 1024));
        try
        {
            reader.MoveToContent();
            return ReadRet(reader, dataType);
        }
        catch (XmlException ex)
        {
            throw new QbRecordFormatException("The record is not well-formed XML: " + ex.Message, ex);
        }
    }

    /// <summary>Writes the record as its Ret element (e.g. &lt;InvoiceRet&gt;…&lt;/InvoiceRet&gt;).</summary>
    public static void WriteRet(XmlWriter writer, QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        WriteField(writer, record.Root);
    }

    /// <summary>Writes one field and its children.</summary>
    public static void WriteField(XmlWriter writer, QbField field)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(field);
        writer.WriteStartElement(field.Name);
        foreach (var (name, value) in field.Attributes)
        {
            writer.WriteAttributeString(name, value);
        }

        if (field.Value is not null)
        {
            writer.WriteString(field.Value);
        }
        else
        {
            foreach (var child in field.Children)
            {
                WriteField(writer, child);
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Reads the Ret element the reader is positioned on, and leaves the reader on the node after
    /// its end tag. The reader must not ignore whitespace, so that text values stay exact.
    /// </summary>
    public static QbRecord ReadRet(XmlReader reader, string dataType, int maxDepth = DefaultMaxDepth)
    {
        var root = ReadField(reader, maxDepth);
        return new QbRecord(dataType, root.Name, root.Children);
    }

    /// <summary>
    /// Reads the element the reader is positioned on into a field (iteratively: hostile nesting
    /// cannot exhaust the stack), leaving the reader after its end tag.
    /// </summary>
    public static QbField ReadField(XmlReader reader, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new InvalidOperationException($"The reader is on a {reader.NodeType}, not on an element.");
        }

        var stack = new Stack<Frame>();
        var current = Frame.Open(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return current.Build();
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (stack.Count + 2 > maxDepth)
                    {
                        throw new QbRecordFormatException($"Element '{reader.Name}' is nested more than {maxDepth} levels deep.");
                    }

                    var child = Frame.Open(reader);
                    if (reader.IsEmptyElement)
                    {
                        current.Children.Add(child.Build());
                    }
                    else
                    {
                        stack.Push(current);
                        current = child;
                    }

                    reader.Read();
                    break;

                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    current.AddText(reader.Value);
                    reader.Read();
                    break;

                case XmlNodeType.EndElement:
                    var done = current.Build();
                    reader.Read();
                    if (stack.Count == 0)
                    {
                        return done;
                    }

                    current = stack.Pop();
                    current.Children.Add(done);
                    break;

                case XmlNodeType.None:
                    throw new QbRecordFormatException($"The document ends inside element '{current.Name}'.");

                default:
                    // Comments and processing instructions carry no data.
                    reader.Read();
                    break;
            }
        }
    }

    private sealed class Frame
    {
        private string? _text;
        private StringBuilder? _moreText;

        private Frame(string name, List<KeyValuePair<string, string>>? attributes)
        {
            Name = name;
            Attributes = attributes;
        }

        public string Name { get; }

        public List<KeyValuePair<string, string>>? Attributes { get; }

        public List<QbField> Children { get; } = [];

        public static Frame Open(XmlReader reader)
        {
            List<KeyValuePair<string, string>>? attributes = null;
            if (reader.HasAttributes)
            {
                attributes = new List<KeyValuePair<string, string>>(reader.AttributeCount);
                while (reader.MoveToNextAttribute())
                {
                    attributes.Add(new KeyValuePair<string, string>(reader.Name, reader.Value));
                }

                reader.MoveToElement();
            }

            return new Frame(reader.Name, attributes);
        }

        public void AddText(string text)
        {
            if (_text is null)
            {
                _text = text;
                return;
            }

            _moreText ??= new StringBuilder(_text);
            _moreText.Append(text);
        }

        public QbField Build()
        {
            var text = _moreText?.ToString() ?? _text ?? string.Empty;
            if (Children.Count == 0)
            {
                return QbField.Leaf(Name, text, Attributes);
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                throw new QbRecordFormatException($"Element '{Name}' mixes text with child elements.");
            }

            return QbField.Aggregate(Name, Children, Attributes);
        }
    }
}
