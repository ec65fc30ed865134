namespace QbConnector.QbGateway.Records;

/// <summary>
/// One element of a qbXML record, in document order: either a text value (a leaf such as
/// Name or Amount) or an aggregate of child fields (BillAddress, CustomerRef, InvoiceLineRet…).
/// Values are kept as the exact strings QuickBooks sent; nothing is parsed or normalised, so
/// unknown elements and enum values survive a round trip untouched.
/// </summary>
/// <remarks>
/// An empty element (<c>&lt;Memo/&gt;</c>) reads back as a leaf with an empty value; an aggregate
/// with no children is written the same way.
/// </remarks>
public sealed class QbField : IEquatable<QbField>
{
    private static readonly IReadOnlyList<QbField> NoChildren = [];
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoAttributes = [];

    private QbField(string name, string? value, IReadOnlyList<QbField> children, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = value;
        Children = children;
        Attributes = attributes;
    }

    /// <summary>The element name, e.g. "CustomerRef".</summary>
    public string Name { get; }

    /// <summary>The text of a leaf; null for an aggregate.</summary>
    public string? Value { get; }

    /// <summary>The child elements of an aggregate in document order; empty for a leaf.</summary>
    public IReadOnlyList<QbField> Children { get; }

    /// <summary>XML attributes in document order (rare in Ret elements; kept for losslessness).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    public bool IsLeaf => Value is not null;

    public static QbField Leaf(string name, string value, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new QbField(name, value, NoChildren, Freeze(attributes));
    }

    public static QbField Aggregate(string name, IEnumerable<QbField> children, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        var list = children.ToArray();
        return new QbField(name, null, list.Length == 0 ? NoChildren : list, Freeze(attributes));
    }

    public static QbField Aggregate(string name, params QbField[] children) => Aggregate(name, (IEnumerable<QbField>)children);

    /// <summary>The first child with this name, or null.</summary>
    public QbField? Child(string name)
    {
        foreach (var c in Children)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Every child with this name, in order (repeated elements such as InvoiceLineRet).</summary>
    public IEnumerable<QbField> ChildrenNamed(string name) =>
        Children.Where(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The value of the leaf reached by a path of names, e.g. ("CustomerRef", "FullName").</summary>
    public string? ValueAt(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = this;
        foreach (var name in path)
        {
            current = current.Child(name);
            if (current is null)
            {
                return null;
            }
        }

        return current.Value;
    }

    public bool Equals(QbField? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return string.Equals(Name, other.Name, StringComparison.Ordinal)
               && string.Equals(Value, other.Value, StringComparison.Ordinal)
               && Attributes.SequenceEqual(other.Attributes)
               && Children.SequenceEqual(other.Children);
    }

    public override bool Equals(object? obj) => Equals(obj as QbField);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Value, StringComparer.Ordinal);
        hash.Add(Children.Count);
        foreach (var c in Children)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => IsLeaf ? $"{Name}={Value}" : $"{Name}{{{string.Join(", ", Children)}}}";

    private static IReadOnlyList<KeyValuePair<string, string>> Freeze(IEnumerable<KeyValuePair<string, string>>? attributes)
    {
        if (attributes is null)
        {
            return NoAttributes;
        }

        var list = attributes.ToArray();
        return list.Length == 0 ? NoAttributes : list;
    }
}
