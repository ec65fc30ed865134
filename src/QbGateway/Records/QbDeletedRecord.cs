namespace QbConnector.QbGateway.Records;

/// <summary>
/// One entry of a ListDeletedQuery or TxnDeletedQuery answer (ListDeletedRet / TxnDeletedRet).
/// Times are kept as QuickBooks sent them.
/// </summary>
/// <param name="DataType">The cloud's data type name the deleted record belonged to (e.g. "customers").</param>
/// <param name="DelType">The ListDelType or TxnDelType value (e.g. "Customer", "ItemService", "Invoice").</param>
/// <param name="Id">ListID or TxnID of the deleted record.</param>
/// <param name="TimeCreated">When the record was created.</param>
/// <param name="TimeDeleted">When the record was deleted.</param>
/// <param name="Name">FullName for lists, RefNumber for transactions (either may be absent).</param>
/// <param name="IsTransaction">True for TxnDeletedRet, false for ListDeletedRet.</param>
public sealed record QbDeletedRecord(
    string DataType,
    string DelType,
    string Id,
    string? TimeCreated,
    string? TimeDeleted,
    string? Name,
    bool IsTransaction)
{
    public DateTimeOffset? TimeDeletedValue => QbRecord.ParseTime(TimeDeleted);
}
