using System.Globalization;

namespace QbConnector.QbGateway.Records;

/// <summary>
/// One record as QuickBooks returned it (a CustomerRet, an InvoiceRet…), neutral of the data type:
/// every field is kept in document order, including nested aggregates, repeated line items and
/// elements this version of the connector does not know.
/// </summary>
public sealed class QbRecord : IEquatable<QbRecord>
{
    public QbRecord(string dataType, string retElement, IEnumerable<QbField> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataType);
        ArgumentException.ThrowIfNullOrEmpty(retElement);
        ArgumentNullException.ThrowIfNull(fields);
        DataType = dataType;
        Root = QbField.Aggregate(retElement, fields);
    }

    /// <summary>The cloud's data type name, e.g. "invoices".</summary>
    public string DataType { get; }

    /// <summary>The Ret element name, e.g. "InvoiceRet" or "ItemServiceRet".</summary>
    public string RetElement => Root.Name;

    /// <summary>The Ret element itself as an aggregate field.</summary>
    public QbField Root { get; }

    /// <summary>The fields of the Ret element in document order.</summary>
    public IReadOnlyList<QbField> Fields => Root.Children;

    /// <summary>ListID for list entries, TxnID for transactions; null for the company and reports.</summary>
    public string? Id => Root.Child("ListID")?.Value ?? Root.Child("TxnID")?.Value;

    /// <summary>Opaque, changes on every modification; (Id, EditSequence) identifies a version.</summary>
    public string? EditSequence => Root.Child("EditSequence")?.Value;

    /// <summary>TimeCreated exactly as QuickBooks sent it (host-local time with an offset).</summary>
    public string? TimeCreated => Root.Child("TimeCreated")?.Value;

    /// <summary>TimeModified exactly as QuickBooks sent it.</summary>
    public string? TimeModified => Root.Child("TimeModified")?.Value;

    public DateTimeOffset? TimeCreatedValue => ParseTime(TimeCreated);

    public DateTimeOffset? TimeModifiedValue => ParseTime(TimeModified);

    /// <summary>The first field with this name, or null.</summary>
    public QbField? Field(string name) => Root.Child(name);

    /// <summary>The value at a path of names, e.g. ("CustomerRef", "ListID").</summary>
    public string? ValueAt(params string[] path) => Root.ValueAt(path);

    public bool Equals(QbRecord? other) =>
        other is not null
        && string.Equals(DataType, other.DataType, StringComparison.Ordinal)
        && Root.Equals(other.Root);

    public override bool Equals(object? obj) => Equals(obj as QbRecord);

    public override int GetHashCode() => HashCode.Combine(DataType, Root);

    public override string ToString() => $"{DataType}/{RetElement} {Id}";

    /// <summary>Parses a qbXML DATETIMETYPE ("2015-11-04T15:19:03-08:00"; the offset may be missing).</summary>
    public static DateTimeOffset? ParseTime(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var t)
            ? t
            : null;
}
