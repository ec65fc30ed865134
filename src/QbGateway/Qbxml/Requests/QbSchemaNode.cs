using System.Globalization;
using System.Text.RegularExpressions;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>The kind of a qbXML leaf value, with the schema's lexical rules.</summary>
internal enum QbValueKind
{
    Str,
    Id,
    Bool,
    Date,
    DateTime,
    Interval,
    Amt,
    Price,
    Quan,
    Pct,
    Int,
    Guid,
    Float,
    Enum,
}

/// <summary>The type of an element in a write request: a leaf value or an aggregate.</summary>
internal sealed partial class QbSchemaType
{
    private QbSchemaType(QbValueKind kind, int? maxLength, IReadOnlyList<string>? values, QbParticle? content, long minValue = long.MinValue, long maxValue = long.MaxValue)
    {
        MinValue = minValue;
        MaxValue = maxValue;
        Kind = kind;
        MaxLength = maxLength;
        Values = values;
        Content = content;
    }

    public QbValueKind Kind { get; }

    /// <summary>The schema's maxLength for strings (UTF-16 units are counted, which is never more lenient).</summary>
    public int? MaxLength { get; }

    public IReadOnlyList<string>? Values { get; }

    /// <summary>The content model of an aggregate; null for a leaf.</summary>
    public QbParticle? Content { get; }

    /// <summary>Inclusive bounds of whole numbers (e.g. ExpirationMonth 1 to 12).</summary>
    public long MinValue { get; }

    public long MaxValue { get; }

    public bool IsAggregate => Content is not null;

    public static QbSchemaType Leaf(QbValueKind kind, int? maxLength = null) => new(kind, maxLength, null, null);

    public static QbSchemaType IntRange(long min, long max) => new(QbValueKind.Int, null, null, null, min, max);

    public static QbSchemaType Enumeration(params string[] values) => new(QbValueKind.Enum, null, values, null);

    public static QbSchemaType Aggregate(QbParticle content) => new(QbValueKind.Str, null, null, content);

    /// <summary>Why the value does not fit the type, or null when it does.</summary>
    public string? Check(string value)
    {
        switch (Kind)
        {
            case QbValueKind.Str:
                return MaxLength is { } max && value.Length > max ? $"is {value.Length} characters long; at most {max} are allowed" : null;
            case QbValueKind.Id:
                return value.Length > 36 ? $"is {value.Length} characters long; an ID has at most 36" : null;
            case QbValueKind.Enum:
                return Values!.Contains(value, StringComparer.Ordinal) ? null : $"must be one of {string.Join(", ", Values!)}";
            case QbValueKind.Bool:
                return value is "true" or "false" or "1" or "0" or "" ? null : "must be true or false";
            case QbValueKind.Date:
                return value.Length == 0 || (DateRegex().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    ? null
                    : "must be a date yyyy-MM-dd";
            case QbValueKind.DateTime:
                return DateTimeRegex().IsMatch(value) ? null : "must be a date and time yyyy-MM-ddThh:mm:ss[+hh:mm]";
            case QbValueKind.Interval:
                return value.Length == 0 || (IntervalRegex().IsMatch(value) && value.TrimStart('+', '-').Length > 2) ? null : "must be a duration like PT8H30M";
            case QbValueKind.Amt:
                return AmountRegex().IsMatch(value) ? null : "must be an amount like 1234.56";
            case QbValueKind.Price:
            case QbValueKind.Quan:
            case QbValueKind.Pct:
                return DecimalRegex().IsMatch(value) ? null : "must be a number with at most 10 digits before and 5 after the point";
            case QbValueKind.Int:
                if (!IntRegex().IsMatch(value) || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return "must be a whole number";
                }

                return number < MinValue || number > MaxValue ? $"must be from {MinValue} to {MaxValue}" : null;
            case QbValueKind.Guid:
                return GuidRegex().IsMatch(value) ? null : "must be a GUID {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} or 0";
            case QbValueKind.Float:
                return value.Length == 0 || FloatRegex().IsMatch(value) ? null : "must be a decimal number";
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^(([0-9]{4}\-[0-9]{1,2}\-[0-9]{1,2}(T[0-9]{1,2}(:[0-9]{1,2}(:[0-9]{1,2}([+\-]{1}[0-9]{1,2}:[0-9]{1,2})?)?)?)?)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^[+\-]?PT([0-9]+H)?([0-9]+M)?([0-9]+S)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalRegex();

    [GeneratedRegex(@"^([+\-]?[0-9]{1,13}(\.[0-9]{2})?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"^([+\-]?[0-9]{1,10}(\.[0-9]{1,5})?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^[+\-]?[0-9]{1,18}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntRegex();

    [GeneratedRegex(@"^(0|\{[0-9a-fA-F]{8}(\-[0-9a-fA-F]{4}){3}\-[0-9a-fA-F]{12}\})\z", RegexOptions.CultureInvariant)]
    private static partial Regex GuidRegex();

    [GeneratedRegex(@"^[+\-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatRegex();
}

/// <summary>A piece of a content model: an element, a sequence or a choice, with its occurrences.</summary>
internal abstract class QbParticle(int min, int max)
{
    public int Min { get; } = min;

    public int Max { get; } = max;

    /// <summary>Every element name this particle can start with or contain at its level.</summary>
    public abstract IReadOnlySet<string> Names { get; }
}

/// <summary>An element: a local definition, or a reference to a global one resolved by name.</summary>
internal sealed class QbElementParticle(string name, int min, int max, QbSchemaType? localType) : QbParticle(min, max)
{
    public string Name { get; } = name;

    public QbSchemaType Type => localType ?? QbWriteSchema.Global(Name);

    public override IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { name };
}

internal sealed class QbGroupParticle(bool isChoice, int min, int max, IReadOnlyList<QbParticle> items) : QbParticle(min, max)
{
    private IReadOnlySet<string>? _names;

    public bool IsChoice { get; } = isChoice;

    public IReadOnlyList<QbParticle> Items { get; } = items;

    public override IReadOnlySet<string> Names => _names ??= Items.SelectMany(i => i.Names).ToHashSet(StringComparer.Ordinal);
}
