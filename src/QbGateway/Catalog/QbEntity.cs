namespace QbConnector.QbGateway.Catalog;

/// <summary>
/// One data type the connector syncs: how the cloud names it and how qbXML queries, returns,
/// deletes and writes it.
/// </summary>
public sealed record QbEntity
{
    /// <summary>The cloud's name of the data type (camelCase plural, e.g. "invoices").</summary>
    public required string DataType { get; init; }

    /// <summary>The qbXML query request element, e.g. "InvoiceQueryRq".</summary>
    public required string QueryRequest { get; init; }

    /// <summary>The Ret elements a query answers with; items have one per item variant.</summary>
    public required IReadOnlyList<string> RetElements { get; init; }

    public required QbEntityKind Kind { get; init; }

    /// <summary>Whether the query takes iterator="Start|Continue|Stop" with MaxReturned.</summary>
    public required bool SupportsIterator { get; init; }

    public required QbModifiedFilterStyle ModifiedFilter { get; init; }

    /// <summary>Whether the query takes ActiveStatus (lists only; a sync must send All).</summary>
    public bool SupportsActiveStatus { get; init; }

    /// <summary>Whether the query takes IncludeLineItems (transactions with lines; default false in QuickBooks).</summary>
    public bool SupportsIncludeLineItems { get; init; }

    /// <summary>Whether the query takes OwnerID (custom fields); TermsQuery, ClassQuery and SalesTaxCodeQuery do not.</summary>
    public bool SupportsOwnerId { get; init; }

    /// <summary>ListDelType values (lists) for ListDeletedQuery, in the order of <see cref="RetElements"/>.</summary>
    public IReadOnlyList<string> ListDelTypes { get; init; } = [];

    /// <summary>TxnDelType value (transactions) for TxnDeletedQuery.</summary>
    public string? TxnDelType { get; init; }

    /// <summary>The Add request element where the connector can create records, e.g. "InvoiceAddRq".</summary>
    public string? AddRequest { get; init; }

    /// <summary>The Mod request element where the connector can modify records, e.g. "CustomerModRq".</summary>
    public string? ModRequest { get; init; }

    /// <summary>GeneralSummaryReportType for reports, e.g. "BalanceSheetStandard".</summary>
    public string? ReportType { get; init; }

    /// <summary>The element holding the record's id: ListID, TxnID, or none.</summary>
    public string? IdElement => Kind switch
    {
        QbEntityKind.List => "ListID",
        QbEntityKind.Transaction => "TxnID",
        _ => null,
    };

    /// <summary>The query request name without the "Rq" suffix, e.g. "InvoiceQuery".</summary>
    public string QueryName => QueryRequest[..^2];

    /// <summary>The query response element, e.g. "InvoiceQueryRs".</summary>
    public string QueryResponse => QueryName + "Rs";
}
