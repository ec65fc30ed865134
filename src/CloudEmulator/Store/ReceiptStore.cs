namespace QbConnector.CloudEmulator.Store;

/// <summary>Receipts of results (work completed or failed, push results) by their sequence number.</summary>
internal sealed class ReceiptStore(EmulatorDatabase database, TimeProvider time)
{
    public bool Contains(string companyId, ulong sequence) =>
        database.InTransaction((c, t) => ReceiptLog.Contains(c, t, companyId, sequence));

    public bool TryAdd(string companyId, ulong sequence, string kind, string? workId) =>
        database.InTransaction((c, t) => ReceiptLog.TryAdd(c, t, companyId, sequence, kind, workId, null, 0, time.GetUtcNow()));
}
