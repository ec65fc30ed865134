using System.Text;
using System.Text.Json;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Pushes;

/// <summary>
/// Turns a push from the cloud into a qbXML write, checking everything it can before QuickBooks
/// sees it: the data type and operation, the size of the record, its fields against the write
/// schema (required fields, maximum lengths, value forms, characters XML cannot carry) and its
/// references. A value is only ever written as text, so no field can change the document's shape.
/// </summary>
public static class PushPlanner
{
    /// <summary>The largest record a push may carry; the cloud's own limit is the same.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>Fields of a read record that a write never carries (the cloud may send a record as it got it).</summary>
    private static readonly HashSet<string> ReadOnlyFields = new(StringComparer.Ordinal)
    {
        "TimeCreated", "TimeModified", "FullName", "Sublevel", "Balance", "TotalBalance", "TxnNumber",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The record's JSON text as it arrived, or why it is not kept: larger than
    /// <see cref="MaxRecordBytes"/>, or not UTF-8 (never silently repaired).
    /// </summary>
    public static (string Json, string? Refusal) Receive(ReadOnlySpan<byte> recordJson)
    {
        if (recordJson.Length > MaxRecordBytes)
        {
            return ("", $"record: is {recordJson.Length} bytes long; at most {MaxRecordBytes} are allowed");
        }

        try
        {
            return (StrictUtf8.GetString(recordJson), null);
        }
        catch (DecoderFallbackException)
        {
            return ("", "record: is not valid UTF-8 text");
        }
    }

    public static PushPreparation Prepare(PushOrder order, string qbXmlVersion = QbMessageSet.DefaultVersion)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        var entity = QbCatalog.FindByDataType(order.DataType);
        var request = entity is null ? null : order.Action == PushAction.Add ? entity.AddRequest : entity.ModRequest;
        if (entity is null)
        {
            problems.Add($"dataType: the connector does not know the data type '{order.DataType}'");
        }
        else if (request is null || !QbWriteRequest.SupportedOperations.Contains(request[..^2], StringComparer.Ordinal))
        {
            problems.Add($"dataType: {order.DataType} records cannot be {(order.Action == PushAction.Add ? "created" : "updated")} by a push");
        }

        if (order.Action == PushAction.Mod)
        {
            if (string.IsNullOrEmpty(order.RecordId))
            {
                problems.Add("recordId: is required to update a record");
            }

            if (string.IsNullOrEmpty(order.EditSequence))
            {
                problems.Add("editSequence: is required to update a record (the EditSequence the change is based on)");
            }
        }

        if (order.Refusal is not null)
        {
            problems.Add(order.Refusal);
        }

        var size = Encoding.UTF8.GetByteCount(order.RecordJson);
        if (size > MaxRecordBytes)
        {
            problems.Add($"record: is {size} bytes long; at most {MaxRecordBytes} are allowed");
        }

        if (problems.Count > 0)
        {
            return new PushPreparation(null, problems);
        }

        var operation = request![..^2];
        QbField fields;
        try
        {
            fields = ReadFields(operation, order.RecordJson);
        }
        catch (QbRecordFormatException ex)
        {
            return new PushPreparation(null, ["record: " + ex.Message]);
        }

        var children = fields.Children.Where(c => !ReadOnlyFields.Contains(c.Name) && c.Name is not ("ListID" or "TxnID" or "EditSequence")).ToList();
        if (order.Action == PushAction.Mod)
        {
            // The version comes from the push itself, never from the record body.
            children.InsertRange(0, [QbField.Leaf("ListID", order.RecordId!), QbField.Leaf("EditSequence", order.EditSequence!)]);
        }

        var write = QbWriteRequest.Create(operation, QbField.Aggregate(operation, children), requestId: "push");
        if (order.Action == PushAction.Add)
        {
            write = write.WithExternalGuid(PushIds.ExternalGuid(order.PushId));
        }

        var messageSetId = PushIds.MessageSetId(order.PushId);
        string xml;
        try
        {
            xml = QbRequestWriter.Write(new QbMessageSet { Version = qbXmlVersion, NewMessageSetId = messageSetId, Requests = [write] });
        }
        catch (QbRequestValidationException ex)
        {
            return new PushPreparation(null, ex.Errors);
        }

        return new PushPreparation(new PushPlan(entity!, operation, messageSetId, xml, References(write.Arrange(), operation)), []);
    }

    /// <summary>
    /// The record's fields: either the fields object alone (<c>{"Name": "…"}</c>) or a whole record
    /// in the connector's JSON form (<c>{"dataType", "retElement", "fields": {…}}</c>).
    /// </summary>
    private static QbField ReadFields(string operation, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = QbRecordXml.DefaultMaxDepth * 2 });
        }
        catch (JsonException ex)
        {
            throw new QbRecordFormatException("is not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("fields", out var inner) && inner.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("retElement", out var ret) && ret.ValueKind == JsonValueKind.String)
            {
                root = inner;
            }

            return QbNames(QbRecordJson.ReadAggregate(operation, root));
        }
    }

    /// <summary>
    /// qbXML names are PascalCase; the platform's JSON may be camelCase ("companyName"). The first
    /// letter is raised, so both spell the same field; anything else must match the schema exactly.
    /// </summary>
    private static QbField QbNames(QbField field)
    {
        var name = field.Name.Length > 0 && char.IsAsciiLetterLower(field.Name[0]) ? char.ToUpperInvariant(field.Name[0]) + field.Name[1..] : field.Name;
        return field.IsLeaf
            ? QbField.Leaf(name, field.Value!, field.Attributes)
            : QbField.Aggregate(name, field.Children.Select(QbNames), field.Attributes);
    }

    private static List<PushReference> References(QbField arranged, string path)
    {
        var found = new List<PushReference>();
        Walk(arranged, path, found);
        return found;
    }

    private static void Walk(QbField field, string path, List<PushReference> found)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var totals = field.Children.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var child in field.Children.Where(c => !c.IsLeaf))
        {
            var n = counts[child.Name] = counts.GetValueOrDefault(child.Name) + 1;
            var childPath = totals[child.Name] > 1 ? $"{path}/{child.Name}[{n}]" : $"{path}/{child.Name}";
            if (PushReference.TargetOf(child.Name) is { } target)
            {
                found.Add(new PushReference(childPath, target, child.Child("ListID")?.Value, child.Child("FullName")?.Value));
            }
            else
            {
                Walk(child, childPath, found);
            }
        }
    }
}
