namespace QbConnector.QbGateway.Catalog;

/// <summary>How a query narrows its results by modification time.</summary>
public enum QbModifiedFilterStyle
{
    /// <summary>No modification filter (company, reports).</summary>
    None,

    /// <summary>Lists: FromModifiedDate / ToModifiedDate, both inclusive.</summary>
    FromToModifiedDate,

    /// <summary>Transactions: ModifiedDateRangeFilter { FromModifiedDate, ToModifiedDate } (excludes TxnDateRangeFilter).</summary>
    ModifiedDateRangeFilter,
}
