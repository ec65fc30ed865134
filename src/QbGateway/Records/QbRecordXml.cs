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

        // Frames are reused by depth: reading a record allocates only its fields and values.
        var frames = new List<Frame>();
        var depth = 0;
        var current = Open(frames, depth, reader);
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
                    if (depth + 2 > maxDepth)
                    {
                        throw new QbRecordFormatException($"Element '{reader.Name}' is nested more than {maxDepth} levels deep.");
                    }

                    if (reader.IsEmptyElement)
                    {
                        current.AddChild(Open(frames, depth + 1, reader).Build());
                    }
                    else
                    {
                        depth++;
                        current = Open(frames, depth, reader);
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
                    if (depth == 0)
                    {
                        return done;
                    }

                    depth--;
                    current = frames[depth];
                    current.AddChild(done);
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

    private static Frame Open(List<Frame> frames, int depth, XmlReader reader)
    {
        if (frames.Count == depth)
        {
            frames.Add(new Frame());
        }

        var frame = frames[depth];
        frame.Reset(reader);
        return frame;
    }

    private sealed class Frame
    {
        private readonly List<QbField> _children = [];
        private string? _text;
        private StringBuilder? _moreText;
        private List<KeyValuePair<string, string>>? _attributes;

        public string Name { get; private set; } = string.Empty;

        public void Reset(XmlReader reader)
        {
            Name = reader.Name;
            _text = null;
            _moreText?.Clear();
            _children.Clear();
            _attributes = null;
            if (reader.HasAttributes)
            {
                _attributes = new List<KeyValuePair<string, string>>(reader.AttributeCount);
                while (reader.MoveToNextAttribute())
                {
                    _attributes.Add(new KeyValuePair<string, string>(reader.Name, reader.Value));
                }

                reader.MoveToElement();
            }
        }

        public void AddChild(QbField child) => _children.Add(child);

        public void AddText(string text)
        {
            if (_text is null)
            {
                _text = text;
                return;
            }

            _moreText ??= new StringBuilder();
            if (_moreText.Length == 0)
            {
                _moreText.Append(_text);
            }

            _moreText.Append(text);
        }

        public QbField Build()
        {
            var text = _moreText is { Length: > 0 } ? _moreText.ToString() : _text ?? string.Empty;
            if (_children.Count == 0)
            {
                return QbField.Leaf(Name, text, _attributes);
            }

            if (!string.IsNullOrWhiteSpace(text))
            {
                throw new QbRecordFormatException($"Element '{Name}' mixes text with child elements.");
            }

            return QbField.Aggregate(Name, _children, _attributes);
        }
    }
}
