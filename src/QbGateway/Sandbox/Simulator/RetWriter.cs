using System.Xml;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>Writes a stored record as its Ret element: header fields, then the stored body, filtered as the request asks.</summary>
internal static class RetWriter
{
    private static readonly XmlReaderSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    public static void Write(XmlWriter writer, StoredRecord record, TimeSpan offset, bool includeLines, IReadOnlySet<string>? includeOnly)
    {
        var type = SandboxDataType.Find(record.Type)!;
        writer.WriteStartElement(type.RetElement);
        WriteIf(writer, includeOnly, type.IdElement, record.Id);
        WriteIf(writer, includeOnly, "TimeCreated", QbFormat.DateTime(record.TimeCreated, offset));
        WriteIf(writer, includeOnly, "TimeModified", QbFormat.DateTime(record.TimeModified, offset));
        WriteIf(writer, includeOnly, "EditSequence", record.EditSequence);
        if (includeOnly is null && (includeLines || type.LineElements.Count == 0))
        {
            // Nothing to leave out: the stored body was written by an XmlWriter already, so it goes
            // out as it is instead of being parsed and written again (most of a page's cost).
            writer.WriteRaw(record.Body);
            writer.WriteEndElement();
            return;
        }

        using (var text = new StringReader(record.Body))
        using (var reader = XmlReader.Create(text, FragmentSettings))
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var name = reader.LocalName;
                var skip = (!includeLines && type.LineElements.Contains(name)) || (includeOnly is not null && !includeOnly.Contains(name));
                if (skip)
                {
                    reader.Skip();
                }
                else
                {
                    writer.WriteNode(reader, defattr: true);
                }
            }
        }

        writer.WriteEndElement();
    }

    private static void WriteIf(XmlWriter writer, IReadOnlySet<string>? includeOnly, string name, string value)
    {
        if (includeOnly is null || includeOnly.Contains(name))
        {
            writer.WriteElementString(name, value);
        }
    }
}
