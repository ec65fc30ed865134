using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// Arranges a write's fields (as the cloud sent them, in any order) into the schema's strict
/// element order, and checks them: unknown fields, missing required ones, too many repeats,
/// exclusive choices, lengths, value forms and characters XML cannot carry.
/// </summary>
internal static partial class QbWriteSchema
{
    public static QbSchemaType Global(string name) =>
        Globals.TryGetValue(name, out var type) ? type : throw new KeyNotFoundException($"No schema entry for '{name}'.");

    public static bool Has(string name) => Globals.ContainsKey(name);

    /// <summary>The fields arranged in schema order, or the list of problems.</summary>
    public static QbField Arrange(QbField input, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ArrangeField(Global(input.Name), input, input.Name, errors);
    }

    private static QbField ArrangeField(QbSchemaType type, QbField field, string path, List<string> errors)
    {
        if (field.Attributes.Count > 0)
        {
            errors.Add($"{path}: attributes are not allowed");
        }

        if (!type.IsAggregate)
        {
            if (field.Value is null)
            {
                errors.Add($"{path}: must be a value, not a group of fields");
                return field;
            }

            var problem = QbXmlText.Check(field.Value) ?? type.Check(field.Value);
            if (problem is not null)
            {
                errors.Add($"{path}: {problem}");
            }

            return QbField.Leaf(field.Name, field.Value);
        }

        if (field.Value is { Length: > 0 })
        {
            errors.Add($"{path}: must be a group of fields, not a value");
            return field;
        }

        var items = field.Children.Select(c => new Item(c)).ToList();
        var output = new List<QbField>();
        Place(type.Content!, items, output, path, required: true, errors);
        foreach (var left in items.Where(i => !i.Used))
        {
            errors.Add($"{path}: has no field '{left.Field.Name}' (or it is repeated or in the wrong place)");
            left.Used = true;
        }

        if (IsRef(field.Name, type) && output.Count == 0)
        {
            errors.Add($"{path}: a reference needs its ListID or FullName");
        }

        return QbField.Aggregate(field.Name, output);
    }

    /// <summary>A reference to a list entry (CustomerRef, ItemRef…): ListID and/or FullName.</summary>
    private static bool IsRef(string name, QbSchemaType type) =>
        name.EndsWith("Ref", StringComparison.Ordinal)
        && type.Content!.Names.Contains("ListID")
        && type.Content.Names.Contains("FullName");

    private static void Place(QbParticle particle, List<Item> items, List<QbField> output, string path, bool required, List<string> errors)
    {
        switch (particle)
        {
            case QbElementParticle element:
                PlaceElement(element, items, output, path, required, errors);
                break;
            case QbGroupParticle { IsChoice: false } sequence:
                var active = required && sequence.Min > 0 || AnyUnused(items, sequence.Names);
                foreach (var item in sequence.Items)
                {
                    Place(item, items, output, path, active, errors);
                }

                break;
            case QbGroupParticle choice when choice.Max == 1:
                var matched = choice.Items.Where(alt => AnyUnused(items, alt.Names)).ToList();
                if (matched.Count > 1)
                {
                    var given = items.Where(i => !i.Used && choice.Names.Contains(i.Field.Name)).Select(i => i.Field.Name).Distinct(StringComparer.Ordinal);
                    errors.Add($"{path}: only one of {string.Join(" or ", given)} may be given");
                }

                if (matched.Count >= 1)
                {
                    Place(matched[0], items, output, path, required: true, errors);
                }
                else if (required && choice.Min > 0)
                {
                    errors.Add($"{path}: needs one of {string.Join(", ", choice.Names)}");
                }

                break;
            case QbGroupParticle repeating:
                PlaceRepeatingChoice(repeating, items, output, path, required, errors);
                break;
        }
    }

    private static void PlaceElement(QbElementParticle element, List<Item> items, List<QbField> output, string path, bool required, List<string> errors)
    {
        var count = 0;
        foreach (var item in items)
        {
            if (item.Used || !string.Equals(item.Field.Name, element.Name, StringComparison.Ordinal))
            {
                continue;
            }

            count++;
            if (count > element.Max)
            {
                errors.Add($"{path}/{element.Name}: may occur at most {element.Max} times");
                item.Used = true;
                continue;
            }

            item.Used = true;
            var childPath = element.Max > 1 ? $"{path}/{element.Name}[{count}]" : $"{path}/{element.Name}";
            output.Add(ArrangeField(element.Type, item.Field, childPath, errors));
        }

        if (count < element.Min && required)
        {
            errors.Add($"{path}/{element.Name}: is required");
        }
    }

    private static void PlaceRepeatingChoice(QbGroupParticle choice, List<Item> items, List<QbField> output, string path, bool required, List<string> errors)
    {
        var count = 0;
        foreach (var item in items)
        {
            if (item.Used || !choice.Names.Contains(item.Field.Name))
            {
                continue;
            }

            var element = FindElement(choice, item.Field.Name);
            item.Used = true;
            count++;
            if (element is null)
            {
                errors.Add($"{path}: has no field '{item.Field.Name}' here");
                continue;
            }

            output.Add(ArrangeField(element.Type, item.Field, $"{path}/{item.Field.Name}[{count}]", errors));
        }

        if (count > choice.Max)
        {
            errors.Add($"{path}: at most {choice.Max} of {string.Join(", ", choice.Names)} may be given");
        }

        if (count < choice.Min && required)
        {
            errors.Add($"{path}: needs at least {choice.Min} of {string.Join(", ", choice.Names)}");
        }
    }

    private static QbElementParticle? FindElement(QbParticle particle, string name) => particle switch
    {
        QbElementParticle e when string.Equals(e.Name, name, StringComparison.Ordinal) => e,
        QbGroupParticle g => g.Items.Select(i => FindElement(i, name)).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static bool AnyUnused(List<Item> items, IReadOnlySet<string> names) =>
        items.Exists(i => !i.Used && names.Contains(i.Field.Name));

    private sealed class Item(QbField field)
    {
        public QbField Field { get; } = field;

        public bool Used { get; set; }
    }
}
