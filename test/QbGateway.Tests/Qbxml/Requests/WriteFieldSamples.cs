using FsCheck;
using FsCheck.Fluent;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Qbxml.Requests;

/// <summary>Builds field trees for writes from the connector's schema table: full ones and random ones.</summary>
internal static class WriteFieldSamples
{
    /// <summary>Every element filled (repeated ones twice), values valid, deterministic.</summary>
    public static QbField Full(string operation) => Build(operation, QbWriteSchema.Global(operation), new Random(operation.Length), full: true);

    /// <summary>A random valid tree with random (hostile included) text, fields shuffled.</summary>
    public static Gen<QbField> Random(string operation) =>
        Gen.Choose(0, int.MaxValue).Select(seed => Shuffle(Build(operation, QbWriteSchema.Global(operation), new Random(seed), full: false), new Random(seed)));

    public static QbField Shuffle(QbField field, Random random)
    {
        if (field.IsLeaf)
        {
            return field;
        }

        var children = field.Children.Select(c => Shuffle(c, random)).ToArray();
        // Keep the relative order of same-named and of line elements (their order is data), shuffle the rest.
        var order = children.Select((c, i) => (c, key: random.Next())).OrderBy(p => p.key).Select(p => p.c).ToList();
        var byName = children.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => new Queue<QbField>(g));
        var result = order.Select(c => byName[c.Name].Dequeue()).ToList();
        var isLine = (QbField f) => f.Name.EndsWith("LineAdd", StringComparison.Ordinal) || f.Name.EndsWith("GroupAdd", StringComparison.Ordinal) || f.Name.StartsWith("Journal", StringComparison.Ordinal);
        if (children.Any(isLine))
        {
            var lines = new Queue<QbField>(children.Where(isLine));
            result = result.Select(c => isLine(c) ? lines.Dequeue() : c).ToList();
        }

        return QbField.Aggregate(field.Name, result);
    }

    private static QbField Build(string name, QbSchemaType type, Random random, bool full)
    {
        if (!type.IsAggregate)
        {
            return QbField.Leaf(name, Value(type, random));
        }

        var children = new List<QbField>();
        Fill(type.Content!, children, random, full);
        if (children.Count == 0 && name.EndsWith("Ref", StringComparison.Ordinal) && type.Content!.Names.Contains("ListID"))
        {
            children.Add(QbField.Leaf("ListID", "80000003-1446676743"));
        }

        return QbField.Aggregate(name, children);
    }

    private static void Fill(QbParticle particle, List<QbField> output, Random random, bool full)
    {
        var wanted = full || particle.Min > 0 || random.Next(3) > 0;
        if (!wanted)
        {
            return;
        }

        switch (particle)
        {
            case QbElementParticle e:
                var count = Math.Max(e.Min, Math.Min(e.Max, full ? 2 : random.Next(1, 3)));
                for (var i = 0; i < count; i++)
                {
                    output.Add(Build(e.Name, e.Type, random, full));
                }

                break;
            case QbGroupParticle { IsChoice: false } seq:
                foreach (var item in seq.Items)
                {
                    Fill(item, output, random, full);
                }

                break;
            case QbGroupParticle choice:
                var times = choice.Max > 1 ? 2 : 1;
                for (var i = 0; i < times; i++)
                {
                    var alt = choice.Items[full ? i % choice.Items.Count : random.Next(choice.Items.Count)];
                    Fill(alt, output, random, full);
                }

                break;
        }
    }

    private static string Value(QbSchemaType type, Random random) => type.Kind switch
    {
        QbValueKind.Str => Text(type.MaxLength, random),
        QbValueKind.Id => "80000003-1446676743",
        QbValueKind.Bool => random.Next(2) == 0 ? "true" : "false",
        QbValueKind.Date => "2024-02-29",
        QbValueKind.DateTime => "2024-02-29T10:11:12-05:00",
        QbValueKind.Interval => "PT8H30M",
        QbValueKind.Amt => "-1234.56",
        QbValueKind.Price or QbValueKind.Quan or QbValueKind.Pct => "12.5",
        QbValueKind.Int => Math.Max(type.MinValue, Math.Min(type.MaxValue, 12)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        QbValueKind.Guid => "{12345678-ABCD-1234-abcd-123456789ABC}",
        QbValueKind.Float => "1.5",
        QbValueKind.Enum => type.Values![random.Next(type.Values.Count)],
        _ => "x",
    };

    private static readonly string[] Pieces =
    [
        "Ada", " & ", "<Co>", "\"", "'", "]]>", "😀", "\r\n", "\t", "  ", "</CustomerAdd>", "&amp;", "naïve", "\uFFFD", "𝄞", "<![CDATA[", "-->",
    ];

    private static string Text(int? maxLength, Random random)
    {
        var sb = new System.Text.StringBuilder();
        var parts = random.Next(0, 6);
        for (var i = 0; i < parts; i++)
        {
            if (random.Next(3) == 0)
            {
                sb.Append(char.ConvertFromUtf32(random.Next(4) switch
                {
                    0 => random.Next(0x20, 0x7F),
                    1 => random.Next(0xA0, 0xD800),
                    2 => random.Next(0xE000, 0xFFFE),
                    _ => random.Next(0x10000, 0x110000),
                }));
            }
            else
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }

        var text = sb.ToString();
        if (maxLength is { } max && text.Length > max)
        {
            text = text[..max];
            if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }

        return text;
    }
}
