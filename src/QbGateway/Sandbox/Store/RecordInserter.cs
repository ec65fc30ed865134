using Microsoft.Data.Sqlite;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Prepared insert commands, reused for bulk generation (the caller owns the transaction).</summary>
internal sealed class RecordInserter : IDisposable
{
    private readonly SqliteCommand _record;
    private readonly SqliteCommand _posting;
    private readonly SqliteCommand _deleted;

    public RecordInserter(SqliteConnection connection)
    {
        _record = connection.CreateCommand();
        _record.CommandText = """
            INSERT INTO records(type, id, edit_seq, time_created, time_modified, name, name_key, ref_number, txn_date, is_active, entity_id, amount, open_amount, order_key, body)
            VALUES($type, $id, $es, $tc, $tm, $name, $nk, $ref, $td, $active, $entity, $amount, $open, $ok, $body)
            RETURNING rowid
            """;
        foreach (var p in new[] { "$type", "$id", "$es", "$tc", "$tm", "$name", "$nk", "$ref", "$td", "$active", "$entity", "$amount", "$open", "$ok", "$body" })
        {
            _record.Parameters.Add(new SqliteParameter(p, null));
        }

        _posting = connection.CreateCommand();
        _posting.CommandText = "INSERT INTO postings(txn_id, account_id, day, amount) VALUES($txn, $acc, $day, $amount)";
        foreach (var p in new[] { "$txn", "$acc", "$day", "$amount" })
        {
            _posting.Parameters.Add(new SqliteParameter(p, null));
        }

        _deleted = connection.CreateCommand();
        _deleted.CommandText = "INSERT INTO deleted(type, id, time_created, time_deleted, full_name, ref_number) VALUES($type, $id, $tc, $td, $name, $ref)";
        foreach (var p in new[] { "$type", "$id", "$tc", "$td", "$name", "$ref" })
        {
            _deleted.Parameters.Add(new SqliteParameter(p, null));
        }
    }

    /// <summary>Inserts the record and sets its RowId.</summary>
    public void Insert(StoredRecord record)
    {
        var p = _record.Parameters;
        p["$type"].Value = record.Type;
        p["$id"].Value = record.Id;
        p["$es"].Value = record.EditSequence;
        p["$tc"].Value = record.TimeCreated;
        p["$tm"].Value = record.TimeModified;
        p["$name"].Value = (object?)record.Name ?? DBNull.Value;
        p["$nk"].Value = (object?)CompanyStore.NameKey(record) ?? DBNull.Value;
        p["$ref"].Value = (object?)record.RefNumber ?? DBNull.Value;
        p["$td"].Value = (object?)record.TxnDate ?? DBNull.Value;
        p["$active"].Value = record.IsActive ? 1 : 0;
        p["$entity"].Value = (object?)record.EntityId ?? DBNull.Value;
        p["$amount"].Value = QbFormat.Amount(record.Amount);
        p["$open"].Value = QbFormat.Amount(record.OpenAmount);
        p["$ok"].Value = QbFormat.OrderKey(record.Id);
        p["$body"].Value = record.Body;
        record.RowId = (long)_record.ExecuteScalar()!;
    }

    public void InsertPosting(string txnId, Posting posting)
    {
        var p = _posting.Parameters;
        p["$txn"].Value = txnId;
        p["$acc"].Value = posting.AccountId;
        p["$day"].Value = posting.DayNumber;
        p["$amount"].Value = QbFormat.Amount(posting.Amount);
        _posting.ExecuteNonQuery();
    }

    public void InsertDeleted(DeletedRecord deleted)
    {
        var p = _deleted.Parameters;
        p["$type"].Value = deleted.Type;
        p["$id"].Value = deleted.Id;
        p["$tc"].Value = deleted.TimeCreated;
        p["$td"].Value = deleted.TimeDeleted;
        p["$name"].Value = (object?)deleted.FullName ?? DBNull.Value;
        p["$ref"].Value = (object?)deleted.RefNumber ?? DBNull.Value;
        _deleted.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _record.Dispose();
        _posting.Dispose();
        _deleted.Dispose();
    }
}
