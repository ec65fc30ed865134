using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// Writes qbXML request documents with an XmlWriter: field values are always text, never markup.
/// A document with any invalid request is refused whole with <see cref="QbRequestValidationException"/>.
/// </summary>
public static partial class QbRequestWriter
{
    public static string Write(QbMessageSet messageSet)
    {
        ArgumentNullException.ThrowIfNull(messageSet);
        var errors = new List<string>();
        CheckVersion(messageSet.Version, errors);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, QbRecordXml.WriterSettings(omitXmlDeclaration: false)))
        {
            writer.WriteStartDocument();
            writer.WriteProcessingInstruction("qbxml", $"version=\"{messageSet.Version}\"");
            writer.WriteStartElement("QBXML");
            writer.WriteStartElement("QBXMLMsgsRq");
            writer.WriteAttributeString("onError", messageSet.OnError == QbOnError.StopOnError ? "stopOnError" : "continueOnError");
            WriteMessageSetId(writer, "oldMessageSetID", messageSet.OldMessageSetId, errors);
            WriteMessageSetId(writer, "newMessageSetID", messageSet.NewMessageSetId, errors);
            foreach (var request in messageSet.Requests)
            {
                try
                {
                    request.Write(writer, errors);
                }
                catch (ArgumentException ex)
                {
                    // The writer refuses what slipped past the checks (e.g. an invalid name); report it the same way.
                    errors.Add($"{request.ElementName}: {ex.Message}");
                    break;
                }
            }

            if (errors.Count == 0)
            {
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndDocument();
            }
        }

        if (errors.Count > 0)
        {
            var name = messageSet.Requests.Count == 1 ? messageSet.Requests[0].ElementName : "QBXMLMsgsRq";
            throw new QbRequestValidationException(name, errors);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A document holding one request.</summary>
    public static string Write(QbRequest request, string version = QbMessageSet.DefaultVersion) =>
        Write(new QbMessageSet { Version = version, Requests = [request] });

    private static void WriteMessageSetId(XmlWriter writer, string attribute, string? id, List<string> errors)
    {
        if (id is null)
        {
            return;
        }

        if (id.Length is 0 or > 24)
        {
            errors.Add($"QBXMLMsgsRq@{attribute}: must be 1 to 24 characters long");
        }

        var problem = QbXmlText.Check(id);
        if (problem is not null)
        {
            errors.Add($"QBXMLMsgsRq@{attribute}: {problem}");
        }

        writer.WriteAttributeString(attribute, id);
    }

    private static void CheckVersion(string version, List<string> errors)
    {
        if (!VersionRegex().IsMatch(version ?? string.Empty)
            || !decimal.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number < 1m || number > 16m)
        {
            errors.Add($"qbXML version '{version}' must be between 1.0 and 16.0");
        }
    }

    [GeneratedRegex(@"^[0-9]{1,2}\.[0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionRegex();
}
