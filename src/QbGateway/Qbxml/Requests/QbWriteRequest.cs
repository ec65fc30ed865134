using System.Xml;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// An Add or Mod (CustomerAddRq, InvoiceAddRq, VendorModRq…) whose fields come from a field tree
/// (the cloud's JSON record). The fields may come in any order; they are arranged into the
/// schema's order and validated before anything is written.
/// </summary>
public sealed class QbWriteRequest : QbRequest
{
    private QbWriteRequest(string operation, QbField fields)
    {
        Operation = operation;
        Fields = QbField.Aggregate(operation, fields.Children, fields.Attributes);
        if (fields.Value is { Length: > 0 })
        {
            throw new ArgumentException("The fields of a write must be a group of fields.", nameof(fields));
        }
    }

    /// <summary>The operation element, e.g. "CustomerAdd".</summary>
    public string Operation { get; }

    /// <summary>The fields as given (renamed to the operation).</summary>
    public QbField Fields { get; }

    public IReadOnlyList<string> IncludeRetElements { get; init; } = [];

    public override string ElementName => Operation + "Rq";

    /// <summary>The writes the connector supports.</summary>
    public static IReadOnlyList<string> SupportedOperations { get; } =
        ["CustomerAdd", "CustomerMod", "VendorAdd", "VendorMod", "InvoiceAdd", "BillAdd", "ReceivePaymentAdd", "JournalEntryAdd"];

    /// <summary>An Add of the entity (which must have one) with these fields.</summary>
    public static QbWriteRequest Add(QbEntity entity, QbField fields, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var request = entity.AddRequest ?? throw new ArgumentException($"{entity.DataType} cannot be added.", nameof(entity));
        return Create(request[..^2], fields, requestId);
    }

    /// <summary>A Mod of the entity (which must have one); the fields need ListID and EditSequence.</summary>
    public static QbWriteRequest Mod(QbEntity entity, QbField fields, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var request = entity.ModRequest ?? throw new ArgumentException($"{entity.DataType} cannot be modified.", nameof(entity));
        return Create(request[..^2], fields, requestId);
    }

    /// <summary>A write by operation name, e.g. "InvoiceAdd".</summary>
    public static QbWriteRequest Create(string operation, QbField fields, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!SupportedOperations.Contains(operation, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{operation}' is not a supported write.", nameof(operation));
        }

        return new QbWriteRequest(operation, fields) { RequestId = requestId };
    }

    /// <summary>
    /// The same write with ExternalGUID set (Adds only), a second proof that a push was applied.
    /// </summary>
    public QbWriteRequest WithExternalGuid(Guid externalGuid)
    {
        var children = Fields.Children.Where(c => !string.Equals(c.Name, "ExternalGUID", StringComparison.Ordinal))
            .Append(QbField.Leaf("ExternalGUID", externalGuid.ToString("B").ToUpperInvariant()));
        return new QbWriteRequest(Operation, QbField.Aggregate(Operation, children)) { RequestId = RequestId, IncludeRetElements = IncludeRetElements };
    }

    /// <summary>The fields in schema order, or a validation error listing every problem.</summary>
    public QbField Arrange()
    {
        var errors = new List<string>();
        var arranged = QbWriteSchema.Arrange(Fields, errors);
        return errors.Count > 0 ? throw new QbRequestValidationException(ElementName, errors) : arranged;
    }

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        var arranged = QbWriteSchema.Arrange(Fields, errors);
        QbRecordXml.WriteField(writer, arranged);
        WriteIncludeRetElements(writer, IncludeRetElements, errors);
    }
}
