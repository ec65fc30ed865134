using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>
/// The (company, sequence) numbers of every durable message received from a connector, so that
/// a re-sent page or result is recognised and only acknowledged again.
/// </summary>
internal static class ReceiptLog
{
    public static bool TryAdd(SqliteConnection c, SqliteTransaction t, string companyId, ulong sequence, string kind, string? workId, string? dataType, int recordCount, DateTimeOffset now) =>
        c.Execute(
            t,
            """
            INSERT INTO received (company_id, sequence, kind, work_id, data_type, record_count, received_at)
            VALUES ($company, $sequence, $kind, $work, $type, $count, $now)
            ON CONFLICT (company_id, sequence) DO NOTHING
            """,
            ("$company", companyId),
            ("$sequence", checked((long)sequence)),
            ("$kind", kind),
            ("$work", workId),
            ("$type", dataType),
            ("$count", recordCount),
            ("$now", now.ToDb())) > 0;

    public static bool Contains(SqliteConnection c, SqliteTransaction t, string companyId, ulong sequence) =>
        c.Scalar(t, "SELECT COUNT(*) FROM received WHERE company_id = $company AND sequence = $sequence", ("$company", companyId), ("$sequence", checked((long)sequence))) > 0;
}
