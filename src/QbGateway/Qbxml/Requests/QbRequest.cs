using System.Globalization;
using System.Xml;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>One request inside a qbXML message set (an …Rq element).</summary>
public abstract class QbRequest
{
    /// <summary>At most 50 characters (QuickBooks answers 1060 otherwise); echoed in the response.</summary>
    public string? RequestId { get; init; }

    /// <summary>The request element's name, e.g. "CustomerQueryRq".</summary>
    public abstract string ElementName { get; }

    /// <summary>The matching response element's name, e.g. "CustomerQueryRs".</summary>
    public string ResponseElementName => ElementName[..^2] + "Rs";

    /// <summary>Writes the request element; problems go to <paramref name="errors"/> (the caller refuses the document then).</summary>
    internal void Write(XmlWriter writer, List<string> errors)
    {
        writer.WriteStartElement(ElementName);
        if (RequestId is not null)
        {
            CheckText($"{ElementName}@requestID", RequestId, errors);
            if (RequestId.Length > 50)
            {
                errors.Add($"{ElementName}@requestID: is {RequestId.Length} characters long; at most 50 are allowed");
            }

            writer.WriteAttributeString("requestID", RequestId);
        }

        WriteAttributes(writer, errors);
        WriteContent(writer, errors);
        writer.WriteEndElement();
    }

    /// <summary>Attributes after requestID (iterator, iteratorID).</summary>
    private protected virtual void WriteAttributes(XmlWriter writer, List<string> errors)
    {
    }

    private protected abstract void WriteContent(XmlWriter writer, List<string> errors);

    private protected static void CheckText(string path, string value, List<string> errors)
    {
        var problem = QbXmlText.Check(value);
        if (problem is not null)
        {
            errors.Add($"{path}: {problem}");
        }
    }

    private protected static void WriteText(XmlWriter writer, string element, string value, List<string> errors, int? maxLength = null)
    {
        CheckText(element, value, errors);
        if (maxLength is { } max && value.Length > max)
        {
            errors.Add($"{element}: is {value.Length} characters long; at most {max} are allowed");
        }

        writer.WriteElementString(element, value);
    }

    private protected static void WriteIncludeRetElements(XmlWriter writer, IReadOnlyList<string> names, List<string> errors)
    {
        foreach (var name in names)
        {
            WriteText(writer, "IncludeRetElement", name, errors, 50);
        }
    }

    private protected static void WriteOwnerIds(XmlWriter writer, IReadOnlyList<string> ownerIds, List<string> errors)
    {
        foreach (var owner in ownerIds)
        {
            var problem = QbSchemaType.Leaf(QbValueKind.Guid).Check(owner);
            if (problem is not null)
            {
                errors.Add($"OwnerID: {problem}");
            }

            WriteText(writer, "OwnerID", owner, errors);
        }
    }

    /// <summary>A qbXML DATETIMETYPE, with its offset; QuickBooks accepts 1970-01-01 to 2038-01-19.</summary>
    private protected static void WriteDateTime(XmlWriter writer, string element, DateTimeOffset value, List<string> errors)
    {
        if (value.Year < 1970 || value > new DateTimeOffset(2038, 1, 19, 0, 0, 0, value.Offset))
        {
            errors.Add($"{element}: {value:O} is outside 1970-01-01 to 2038-01-19");
        }

        writer.WriteElementString(element, FormatDateTime(value));
    }

    private protected static void WriteDate(XmlWriter writer, string element, DateOnly value) =>
        writer.WriteElementString(element, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>"2024-03-01T10:00:00-05:00": the form QuickBooks sends and accepts.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + value.ToString("zzz", CultureInfo.InvariantCulture);
}
