namespace QbConnector.QbGateway.Catalog;

/// <summary>How QuickBooks stores a data type, which decides how it is queried and identified.</summary>
public enum QbEntityKind
{
    /// <summary>A list entry (customer, account…): identified by ListID.</summary>
    List,

    /// <summary>A transaction (invoice, bill…): identified by TxnID.</summary>
    Transaction,

    /// <summary>A report computed by QuickBooks for a period; nothing to identify or delete.</summary>
    Report,

    /// <summary>The company file's own details: one record, no ID.</summary>
    Company,
}
