using System.Text;
using System.Text.Json;
using System.Xml;

namespace QbConnector.QbGateway.Records;

/// <summary>
/// The JSON form of records, for the cloud. Lossless: JSON → record → XML gives back the Ret
/// element as QuickBooks sent it.
/// </summary>
/// <remarks>
/// A record is <c>{"dataType", "retElement", "id", "editSequence", "timeCreated", "timeModified", "fields": {…}}</c>
/// (id and the times are copies of fields, for convenience; they are ignored when read).
/// An aggregate is an object: attributes first as <c>"@name": "value"</c>, then one property per
/// child element name in order of first appearance; a name that occurs once maps to its value,
/// a repeated name to an array. A leaf is a string; a leaf with attributes is
/// <c>{"@a": "…", "#text": "…"}</c>. When repeated names interleave (InvoiceLineRet and
/// InvoiceLineGroupRet, JournalDebitLine and JournalCreditLine) the object also holds
/// <c>"$order": [names in document order]</c>, so the original order comes back.
/// On input, JSON numbers and booleans are accepted as their text.
/// </remarks>
public static class QbRecordJson
{
    public const string OrderProperty = "$order";
    public const string TextProperty = "#text";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = QbRecordXml.DefaultMaxDepth * 2 };

    public static string Serialize(QbRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static QbRecord Deserialize(string json)
    {
        using var document = Parse(json);
        return Read(document.RootElement);
    }

    public static void Write(Utf8JsonWriter writer, QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("dataType", record.DataType);
        writer.WriteString("retElement", record.RetElement);
        WriteIfPresent(writer, "id", record.Id);
        WriteIfPresent(writer, "editSequence", record.EditSequence);
        WriteIfPresent(writer, "timeCreated", record.TimeCreated);
        WriteIfPresent(writer, "timeModified", record.TimeModified);
        writer.WritePropertyName("fields");
        WriteAggregate(writer, record.Root);
        writer.WriteEndObject();
    }

    public static QbRecord Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new QbRecordFormatException("A record must be a JSON object.");
        }

        var dataType = RequiredString(element, "dataType");
        var retElement = RequiredString(element, "retElement");
        VerifyName(retElement);
        if (!element.TryGetProperty("fields", out var fields))
        {
            throw new QbRecordFormatException("A record needs \"fields\".");
        }

        var root = ReadAggregate(retElement, fields, 1);
        return new QbRecord(dataType, retElement, root.Children);
    }

    /// <summary>Writes an aggregate's attributes and children as a JSON object.</summary>
    public static void WriteAggregate(Utf8JsonWriter writer, QbField aggregate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(aggregate);
        writer.WriteStartObject();
        foreach (var (name, value) in aggregate.Attributes)
        {
            writer.WriteString("@" + name, value);
        }

        if (aggregate.Value is not null)
        {
            writer.WriteString(TextProperty, aggregate.Value);
            writer.WriteEndObject();
            return;
        }

        var children = aggregate.Children;
        if (!HasRepeatedName(children))
        {
            // Most aggregates name each child once: written in order, with nothing to group.
            foreach (var child in children)
            {
                writer.WritePropertyName(child.Name);
                WriteValue(writer, child);
            }

            writer.WriteEndObject();
            return;
        }

        var groups = GroupByName(children, out var interleaved);
        if (interleaved)
        {
            writer.WriteStartArray(OrderProperty);
            foreach (var child in aggregate.Children)
            {
                writer.WriteStringValue(child.Name);
            }

            writer.WriteEndArray();
        }

        foreach (var (name, members) in groups)
        {
            writer.WritePropertyName(name);
            if (members.Count == 1)
            {
                WriteValue(writer, members[0]);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var member in members)
                {
                    WriteValue(writer, member);
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a JSON object as an aggregate field named <paramref name="name"/>.</summary>
    public static QbField ReadAggregate(string name, JsonElement element) => ReadAggregate(name, element, 1);

    /// <summary>A record's fields (an aggregate) from JSON text, e.g. the body of a push from the cloud.</summary>
    public static QbField DeserializeAggregate(string name, string json)
    {
        using var document = Parse(json);
        return ReadAggregate(name, document.RootElement, 1);
    }

    public static string SerializeAggregate(QbField aggregate)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteAggregate(writer, aggregate);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string SerializeDeleted(QbDeletedRecord deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("dataType", deleted.DataType);
            writer.WriteString("delType", deleted.DelType);
            writer.WriteString("id", deleted.Id);
            WriteIfPresent(writer, "timeCreated", deleted.TimeCreated);
            WriteIfPresent(writer, "timeDeleted", deleted.TimeDeleted);
            WriteIfPresent(writer, "name", deleted.Name);
            writer.WriteBoolean("isTransaction", deleted.IsTransaction);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static QbDeletedRecord DeserializeDeleted(string json)
    {
        using var document = Parse(json);
        var e = document.RootElement;
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new QbRecordFormatException("A deleted record must be a JSON object.");
        }

        return new QbDeletedRecord(
            RequiredString(e, "dataType"),
            RequiredString(e, "delType"),
            RequiredString(e, "id"),
            OptionalString(e, "timeCreated"),
            OptionalString(e, "timeDeleted"),
            OptionalString(e, "name"),
            e.TryGetProperty("isTransaction", out var t) && t.ValueKind == JsonValueKind.True);
    }

    private static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new QbRecordFormatException("The record is not valid JSON: " + ex.Message, ex);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, QbField field)
    {
        if (field.Value is not null && field.Attributes.Count == 0)
        {
            writer.WriteStringValue(field.Value);
        }
        else
        {
            WriteAggregate(writer, field);
        }
    }

    /// <summary>Whether a name occurs twice; pairwise without allocating, as aggregates have few children.</summary>
    private static bool HasRepeatedName(IReadOnlyList<QbField> children)
    {
        if (children.Count > 32)
        {
            return true; // Grouping is cheaper than comparing every pair.
        }

        for (var i = 1; i < children.Count; i++)
        {
            var name = children[i].Name;
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(children[j].Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(string Name, List<QbField> Members)> GroupByName(IReadOnlyList<QbField> children, out bool interleaved)
    {
        var groups = new List<(string Name, List<QbField> Members)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        interleaved = false;
        string? previous = null;
        foreach (var child in children)
        {
            if (index.TryGetValue(child.Name, out var i))
            {
                if (!string.Equals(previous, child.Name, StringComparison.Ordinal))
                {
                    interleaved = true;
                }

                groups[i].Members.Add(child);
            }
            else
            {
                index[child.Name] = groups.Count;
                groups.Add((child.Name, [child]));
            }

            previous = child.Name;
        }

        return groups;
    }

    private static QbField ReadAggregate(string name, JsonElement element, int depth)
    {
        if (depth > QbRecordXml.DefaultMaxDepth)
        {
            throw new QbRecordFormatException($"Field '{name}' is nested more than {QbRecordXml.DefaultMaxDepth} levels deep.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new QbRecordFormatException($"Field '{name}' must be a JSON object.");
        }

        List<KeyValuePair<string, string>>? attributes = null;
        string? text = null;
        List<string>? order = null;
        var queues = new List<(string Name, Queue<QbField> Members)>();
        foreach (var property in element.EnumerateObject())
        {
            var key = property.Name;
            if (key.StartsWith('@'))
            {
                var attributeName = key[1..];
                VerifyName(attributeName);
                (attributes ??= []).Add(new KeyValuePair<string, string>(attributeName, ScalarText(key, property.Value)));
            }
            else if (string.Equals(key, TextProperty, StringComparison.Ordinal))
            {
                text = ScalarText(key, property.Value);
            }
            else if (string.Equals(key, OrderProperty, StringComparison.Ordinal))
            {
                order = ReadOrder(name, property.Value);
            }
            else
            {
                VerifyName(key);
                var members = new Queue<QbField>();
                if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Array)
                        {
                            throw new QbRecordFormatException($"Field '{key}' holds an array inside an array.");
                        }

                        members.Enqueue(ReadValue(key, item, depth + 1));
                    }
                }
                else
                {
                    members.Enqueue(ReadValue(key, property.Value, depth + 1));
                }

                queues.Add((key, members));
            }
        }

        if (text is not null)
        {
            if (queues.Count > 0 || order is not null)
            {
                throw new QbRecordFormatException($"Field '{name}' has both \"{TextProperty}\" and child fields.");
            }

            return QbField.Leaf(name, text, attributes);
        }

        var children = new List<QbField>();
        if (order is null)
        {
            foreach (var (_, members) in queues)
            {
                children.AddRange(members);
            }
        }
        else
        {
            var byName = queues.ToDictionary(q => q.Name, q => q.Members, StringComparer.Ordinal);
            foreach (var childName in order)
            {
                if (!byName.TryGetValue(childName, out var members) || members.Count == 0)
                {
                    throw new QbRecordFormatException($"Field '{name}': \"{OrderProperty}\" names '{childName}' more often than it occurs.");
                }

                children.Add(members.Dequeue());
            }

            if (byName.Values.Any(q => q.Count > 0))
            {
                throw new QbRecordFormatException($"Field '{name}': \"{OrderProperty}\" does not list every child field.");
            }
        }

        return QbField.Aggregate(name, children, attributes);
    }

    private static QbField ReadValue(string name, JsonElement value, int depth) => value.ValueKind switch
    {
        JsonValueKind.Object => ReadAggregate(name, value, depth),
        _ => QbField.Leaf(name, ScalarText(name, value)),
    };

    private static string ScalarText(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => GetText(name, value),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new QbRecordFormatException($"Field '{name}' must be a string, number or boolean, not {value.ValueKind}."),
    };

    private static string GetText(string name, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new QbRecordFormatException($"Field '{name}' is not valid text (a lone surrogate).", ex);
        }
    }

    private static List<string> ReadOrder(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new QbRecordFormatException($"Field '{name}': \"{OrderProperty}\" must be an array of names.");
        }

        var order = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new QbRecordFormatException($"Field '{name}': \"{OrderProperty}\" must be an array of names.");
            }

            order.Add(GetText(name, item));
        }

        return order;
    }

    private static void VerifyName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
        }
        catch (XmlException ex)
        {
            throw new QbRecordFormatException($"'{name}' is not a valid qbXML element or attribute name.", ex);
        }
        catch (ArgumentNullException ex)
        {
            throw new QbRecordFormatException("An empty name is not a valid qbXML element or attribute name.", ex);
        }
    }

    private static string RequiredString(JsonElement element, string property) =>
        OptionalString(element, property) ?? throw new QbRecordFormatException($"A record needs the string \"{property}\".");

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? GetText(property, value) : null;

    private static void WriteIfPresent(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }
}
