using System.Xml;
using QbConnector.QbGateway.Catalog;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// A query of a list or transaction data type (CustomerQueryRq, InvoiceQueryRq…), written in the
/// schema's order. Defaults suit a sync: ActiveStatus All and IncludeLineItems true (QuickBooks'
/// own defaults are ActiveOnly and false).
/// </summary>
public sealed class QbQueryRequest : QbRequest
{
    public QbQueryRequest(QbEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.Kind is not (QbEntityKind.List or QbEntityKind.Transaction))
        {
            throw new ArgumentException($"{entity.DataType} is not a list or transaction type; use its own request.", nameof(entity));
        }

        Entity = entity;
        IncludeLineItems = entity.SupportsIncludeLineItems ? true : null;
    }

    public QbEntity Entity { get; }

    public override string ElementName => Entity.QueryRequest;

    public QbIterator Iterator { get; init; }

    /// <summary>The iteratorID from the previous page, for Continue and Stop.</summary>
    public string? IteratorId { get; init; }

    /// <summary>Page size (at least 1); with Start it sets the page size of the whole iteration.</summary>
    public int? MaxReturned { get; init; }

    /// <summary>Lists only; not written when the query selects by ID or name.</summary>
    public QbActiveStatus? ActiveStatus { get; init; } = QbActiveStatus.All;

    /// <summary>Inclusive lower bound of TimeModified.</summary>
    public DateTimeOffset? FromModifiedDate { get; init; }

    /// <summary>Inclusive upper bound of TimeModified.</summary>
    public DateTimeOffset? ToModifiedDate { get; init; }

    /// <summary>Select by ListID or TxnID instead of by filter.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Select by FullName (lists) or RefNumber (transactions) instead of by filter.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Transactions only; null leaves QuickBooks' default (false).</summary>
    public bool? IncludeLineItems { get; init; }

    /// <summary>Restrict the answer to these elements (QuickBooks silently ignores unknown names).</summary>
    public IReadOnlyList<string> IncludeRetElements { get; init; } = [];

    /// <summary>OwnerID "0" returns custom fields (DataExtRet).</summary>
    public IReadOnlyList<string> OwnerIds { get; init; } = [];

    private protected override void WriteAttributes(XmlWriter writer, List<string> errors)
    {
        if (Iterator == QbIterator.None)
        {
            if (IteratorId is not null)
            {
                errors.Add($"{ElementName}: iteratorID needs iterator Continue or Stop");
            }

            return;
        }

        if (!Entity.SupportsIterator)
        {
            errors.Add($"{ElementName}: {Entity.QueryName} does not support iterators");
        }

        writer.WriteAttributeString("iterator", Iterator.ToString());
        if (Iterator == QbIterator.Start)
        {
            if (IteratorId is not null)
            {
                errors.Add($"{ElementName}: iterator Start must not carry an iteratorID");
            }
        }
        else if (string.IsNullOrEmpty(IteratorId))
        {
            errors.Add($"{ElementName}: iterator {Iterator} needs the iteratorID of the iteration");
        }

        if (IteratorId is not null)
        {
            CheckText($"{ElementName}@iteratorID", IteratorId, errors);
            writer.WriteAttributeString("iteratorID", IteratorId);
        }
    }

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        var isList = Entity.Kind == QbEntityKind.List;
        var byId = Ids.Count > 0;
        var byName = Names.Count > 0;
        if (byId && byName)
        {
            errors.Add($"{ElementName}: select by IDs or by names, not both");
        }

        if ((byId || byName) && (MaxReturned is not null || FromModifiedDate is not null || ToModifiedDate is not null))
        {
            errors.Add($"{ElementName}: MaxReturned and modified dates cannot be combined with a selection by ID or name");
        }

        if (MaxReturned is < 1)
        {
            errors.Add($"{ElementName}/MaxReturned: must be at least 1");
        }

        if (FromModifiedDate > ToModifiedDate)
        {
            errors.Add($"{ElementName}: FromModifiedDate is after ToModifiedDate");
        }

        if (byId)
        {
            foreach (var id in Ids)
            {
                WriteText(writer, isList ? "ListID" : "TxnID", id, errors, 36);
            }
        }
        else if (byName)
        {
            if (!isList && Entity == QbCatalog.Deposits)
            {
                errors.Add($"{ElementName}: deposits cannot be selected by RefNumber");
            }

            foreach (var name in Names)
            {
                WriteText(writer, isList ? "FullName" : "RefNumber", name, errors);
            }
        }
        else
        {
            WriteFilter(writer, isList, errors);
        }

        if (IncludeLineItems is { } lines)
        {
            if (!Entity.SupportsIncludeLineItems)
            {
                errors.Add($"{ElementName}: IncludeLineItems applies to transactions only");
            }

            writer.WriteElementString("IncludeLineItems", lines ? "true" : "false");
        }

        WriteIncludeRetElements(writer, IncludeRetElements, errors);
        if (OwnerIds.Count > 0 && !Entity.SupportsOwnerId)
        {
            errors.Add($"{ElementName}: {Entity.QueryName} does not take OwnerID");
        }

        WriteOwnerIds(writer, OwnerIds, errors);
    }

    private void WriteFilter(XmlWriter writer, bool isList, List<string> errors)
    {
        if (MaxReturned is { } max)
        {
            writer.WriteElementString("MaxReturned", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (isList)
        {
            if (ActiveStatus is { } status)
            {
                writer.WriteElementString("ActiveStatus", status.ToString());
            }

            if (FromModifiedDate is { } from)
            {
                WriteDateTime(writer, "FromModifiedDate", from, errors);
            }

            if (ToModifiedDate is { } to)
            {
                WriteDateTime(writer, "ToModifiedDate", to, errors);
            }

            return;
        }

        if (FromModifiedDate is null && ToModifiedDate is null)
        {
            return;
        }

        writer.WriteStartElement("ModifiedDateRangeFilter");
        if (FromModifiedDate is { } txnFrom)
        {
            WriteDateTime(writer, "FromModifiedDate", txnFrom, errors);
        }

        if (ToModifiedDate is { } txnTo)
        {
            WriteDateTime(writer, "ToModifiedDate", txnTo, errors);
        }

        writer.WriteEndElement();
    }
}
