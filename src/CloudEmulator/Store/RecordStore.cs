using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>
/// The synced data. A page is stored once per (company, sequence), so a re-sent page changes
/// nothing; each record is kept once per (company, data type, id) in its newest state.
/// </summary>
internal sealed class RecordStore(EmulatorDatabase database, TimeProvider time)
{
    /// <summary>Stores a page; false when a page with that sequence was already stored.</summary>
    public bool StorePage(IncomingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var now = time.GetUtcNow();
        return database.InTransaction((c, t) =>
        {
            if (!ReceiptLog.TryAdd(c, t, page.CompanyId, page.Sequence, "page", page.WorkId, page.DataType, page.Records.Count, now))
            {
                return false;
            }

            using (var upserter = new PageUpserter(c, t, page.CompanyId, page.DataType, now))
            {
                foreach (var record in page.Records)
                {
                    upserter.Upsert(record);
                }
            }

            if (!string.IsNullOrEmpty(page.WorkId))
            {
                DatasetStore.MarkFetching(c, t, page.CompanyId, page.WorkId, now);
                c.Execute(
                    t,
                    "UPDATE datasets SET records_received = records_received + $n, pages_received = pages_received + 1 WHERE id = $id AND company_id = $company",
                    ("$n", page.Records.Count),
                    ("$id", page.WorkId),
                    ("$company", page.CompanyId));
            }

            return true;
        });
    }

    /// <summary>Records of a data type ordered by id, one page of them, with the total count.</summary>
    public (long Total, IReadOnlyList<StoredRecord> Records) List(string companyId, string dataType, int page, int pageSize) =>
        database.InTransaction((c, t) =>
        {
            var total = c.Scalar(t, "SELECT COUNT(*) FROM records WHERE company_id = $company AND data_type = $type", ("$company", companyId), ("$type", dataType));
            var records = c.Query(
                t,
                "SELECT * FROM records WHERE company_id = $company AND data_type = $type ORDER BY id LIMIT $limit OFFSET $offset",
                Map,
                ("$company", companyId),
                ("$type", dataType),
                ("$limit", pageSize),
                ("$offset", (long)(page - 1) * pageSize));
            return (total, (IReadOnlyList<StoredRecord>)records);
        });

    public StoredRecord? Get(string companyId, string dataType, string id) =>
        database.InTransaction((c, t) => Find(c, t, companyId, dataType, id));

    /// <summary>
    /// Counts and the content hash: SHA-256 (lower-case hex) of the UTF-8 concatenation, over the
    /// existing (not deleted) records sorted by id (ordinal), of "{id}\t{editSequence}\n".
    /// </summary>
    public DataTypeStats Stats(string companyId, string dataType) =>
        database.InTransaction((c, t) =>
        {
            var rows = c.Query(
                t,
                "SELECT id, edit_sequence, deleted, deliveries FROM records WHERE company_id = $company AND data_type = $type",
                r => (Id: r.RequiredText("id"), EditSequence: r.RequiredText("edit_sequence"), Deleted: r.Int("deleted") != 0, Deliveries: r.Int("deliveries")),
                ("$company", companyId),
                ("$type", dataType));
            var existing = rows.Where(r => !r.Deleted).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var row in existing)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{row.Id}\t{row.EditSequence}\n")));
            }

            return new DataTypeStats(rows.Count, existing.Count, rows.Sum(r => r.Deliveries), Convert.ToHexStringLower(hash.GetHashAndReset()));
        });

    private static StoredRecord? Find(SqliteConnection c, SqliteTransaction t, string companyId, string dataType, string id) =>
        c.Query(
            t,
            "SELECT * FROM records WHERE company_id = $company AND data_type = $type AND id = $id",
            Map,
            ("$company", companyId),
            ("$type", dataType),
            ("$id", id)).SingleOrDefault();

    private static StoredRecord Map(SqliteDataReader r) => new(
        r.RequiredText("id"),
        r.RequiredText("edit_sequence"),
        r.RequiredText("time_modified"),
        r.Time("time_modified_utc"),
        r.Int("deleted") != 0,
        r.Blob("json") ?? [],
        r.Int("deliveries"));
}
