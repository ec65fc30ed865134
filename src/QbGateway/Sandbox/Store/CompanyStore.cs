using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>
/// A sandbox company file: an SQLite database holding the company, its lists and transactions,
/// the delete history, postings for reports, and stored error-recovery outcomes.
/// WAL mode, so that another process (a person "working in QuickBooks") can edit while a session reads.
/// </summary>
internal sealed class CompanyStore : IDisposable
{
    private const string Columns = "rowid, type, id, edit_seq, time_created, time_modified, name, ref_number, txn_date, is_active, entity_id, amount, open_amount, body";

    private readonly SqliteConnection _connection;

    private CompanyStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    internal SqliteConnection Connection => _connection;

    public static CompanyStore Create(string path)
    {
        if (File.Exists(path))
        {
            throw new IOException($"The company file '{path}' already exists.");
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var store = OpenConnection(path, SqliteOpenMode.ReadWriteCreate);
        store.Execute("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE records(
                rowid INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                id TEXT NOT NULL,
                edit_seq TEXT NOT NULL,
                time_created INTEGER NOT NULL,
                time_modified INTEGER NOT NULL,
                name TEXT,
                name_key TEXT,
                ref_number TEXT,
                txn_date TEXT,
                is_active INTEGER NOT NULL,
                entity_id TEXT,
                amount TEXT NOT NULL,
                open_amount TEXT NOT NULL,
                order_key INTEGER NOT NULL,
                body TEXT NOT NULL);
            CREATE TABLE deleted(type TEXT NOT NULL, id TEXT NOT NULL, time_created INTEGER NOT NULL, time_deleted INTEGER NOT NULL, full_name TEXT, ref_number TEXT);
            CREATE TABLE postings(txn_id TEXT NOT NULL, account_id TEXT NOT NULL, day INTEGER NOT NULL, amount TEXT NOT NULL);
            CREATE TABLE message_sets(app_id TEXT NOT NULL PRIMARY KEY, message_set_id TEXT NOT NULL, response TEXT NOT NULL);
            """);
        return store;
    }

    /// <summary>Indexes are built after a bulk generation (much faster than maintaining them per insert).</summary>
    public void CreateIndexes() => Execute("""
        CREATE UNIQUE INDEX IF NOT EXISTS ix_records_id ON records(id);
        CREATE INDEX IF NOT EXISTS ix_records_type_modified ON records(type, time_modified);
        CREATE INDEX IF NOT EXISTS ix_records_type_order ON records(type, order_key, rowid);
        CREATE INDEX IF NOT EXISTS ix_records_name ON records(name_key) WHERE name_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_records_entity ON records(entity_id) WHERE entity_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_records_ref ON records(type, ref_number) WHERE ref_number IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_deleted_type_time ON deleted(type, time_deleted);
        CREATE INDEX IF NOT EXISTS ix_postings_txn ON postings(txn_id);
        CREATE INDEX IF NOT EXISTS ix_postings_day ON postings(day);
        ANALYZE;
        """);

    public static CompanyStore Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The company file '{path}' does not exist.", path);
        }

        return OpenConnection(path, SqliteOpenMode.ReadWrite);
    }

    private static CompanyStore OpenConnection(string path, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new CompanyStore(connection, path);
        store.Execute("PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return store;
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Begins a write transaction with plain SQL (BEGIN IMMEDIATE takes the write lock up front, so an outside
    /// editor and a session never deadlock) and leaves commands free of per-command transaction objects.
    /// </summary>
    public StoreTransaction BeginTransaction()
    {
        Execute("BEGIN IMMEDIATE");
        return new StoreTransaction(this);
    }

    public string? GetMeta(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    /// <summary>Reserves the next id counter value (ids are allocated from one counter per file, like QuickBooks' sequence).</summary>
    public long NextCounter()
    {
        var next = long.Parse(GetMeta("next_counter") ?? "1", CultureInfo.InvariantCulture);
        SetMeta("next_counter", (next + 1).ToString(CultureInfo.InvariantCulture));
        return next;
    }

    public long NextTxnNumber()
    {
        var next = long.Parse(GetMeta("next_txn_number") ?? "1", CultureInfo.InvariantCulture);
        SetMeta("next_txn_number", (next + 1).ToString(CultureInfo.InvariantCulture));
        return next;
    }

    public RecordInserter CreateInserter() => new(_connection);

    public void Insert(StoredRecord record)
    {
        using var inserter = CreateInserter();
        inserter.Insert(record);
    }

    public void Update(StoredRecord record)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            UPDATE records SET edit_seq = $es, time_modified = $tm, name = $name, name_key = $nk, ref_number = $ref, txn_date = $td,
                is_active = $active, entity_id = $entity, amount = $amount, open_amount = $open, body = $body
            WHERE rowid = $rowid
            """;
        command.Parameters.AddWithValue("$es", record.EditSequence);
        command.Parameters.AddWithValue("$tm", record.TimeModified);
        command.Parameters.AddWithValue("$name", (object?)record.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("$nk", (object?)NameKey(record) ?? DBNull.Value);
        command.Parameters.AddWithValue("$ref", (object?)record.RefNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("$td", (object?)record.TxnDate ?? DBNull.Value);
        command.Parameters.AddWithValue("$active", record.IsActive ? 1 : 0);
        command.Parameters.AddWithValue("$entity", (object?)record.EntityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$amount", QbFormat.Amount(record.Amount));
        command.Parameters.AddWithValue("$open", QbFormat.Amount(record.OpenAmount));
        command.Parameters.AddWithValue("$body", record.Body);
        command.Parameters.AddWithValue("$rowid", record.RowId);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes a record and records it in the delete history, with its postings.</summary>
    public void Delete(StoredRecord record, long timeDeleted)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            DELETE FROM records WHERE rowid = $rowid;
            DELETE FROM postings WHERE txn_id = $id;
            INSERT INTO deleted(type, id, time_created, time_deleted, full_name, ref_number) VALUES($type, $id, $tc, $td, $name, $ref);
            """;
        command.Parameters.AddWithValue("$rowid", record.RowId);
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$type", record.Type);
        command.Parameters.AddWithValue("$tc", record.TimeCreated);
        command.Parameters.AddWithValue("$td", timeDeleted);
        command.Parameters.AddWithValue("$name", (object?)record.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("$ref", (object?)record.RefNumber ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public StoredRecord? FindById(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM records WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    public StoredRecord? FindByName(IEnumerable<string> types, string name)
    {
        using var command = _connection.CreateCommand();
        var typeList = AddList(command, "t", types);
        command.CommandText = $"SELECT {Columns} FROM records WHERE name_key = $nk AND type IN ({typeList}) LIMIT 1";
        command.Parameters.AddWithValue("$nk", name.ToUpperInvariant());
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRecord(reader) : null;
    }

    /// <summary>The page of records after <paramref name="after"/>, in the sandbox's stable pseudo-random order.</summary>
    public List<StoredRecord> Query(RecordFilter filter, PageCursor? after, int limit)
    {
        using var command = _connection.CreateCommand();
        var where = BuildWhere(command, filter);
        if (after is { } cursor)
        {
            where.Append(" AND (order_key > $ok OR (order_key = $ok AND rowid > $rid))");
            command.Parameters.AddWithValue("$ok", cursor.OrderKey);
            command.Parameters.AddWithValue("$rid", cursor.RowId);
        }

        var indexHint = filter.ModifiedFrom is not null || filter.ModifiedTo is not null ? "INDEXED BY ix_records_type_modified" : string.Empty;
        command.CommandText = $"SELECT {Columns}, order_key FROM records {indexHint} WHERE {where} ORDER BY order_key, rowid LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<StoredRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(ReadRecord(reader));
        }

        return result;
    }

    public long Count(RecordFilter filter, PageCursor? after)
    {
        using var command = _connection.CreateCommand();
        var where = BuildWhere(command, filter);
        if (after is { } cursor)
        {
            where.Append(" AND (order_key > $ok OR (order_key = $ok AND rowid > $rid))");
            command.Parameters.AddWithValue("$ok", cursor.OrderKey);
            command.Parameters.AddWithValue("$rid", cursor.RowId);
        }

        command.CommandText = $"SELECT COUNT(*) FROM records WHERE {where}";
        return (long)command.ExecuteScalar()!;
    }

    public PageCursor CursorOf(StoredRecord record) => new(QbFormat.OrderKey(record.Id), record.RowId);

    public List<DeletedRecord> QueryDeleted(IReadOnlyList<string> types, long from, long to)
    {
        using var command = _connection.CreateCommand();
        var typeList = AddList(command, "t", types);
        command.CommandText = $"SELECT type, id, time_created, time_deleted, full_name, ref_number FROM deleted WHERE type IN ({typeList}) AND time_deleted BETWEEN $from AND $to ORDER BY time_deleted, id";
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        var result = new List<DeletedRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DeletedRecord(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return result;
    }

    public void ReplacePostings(string txnId, IEnumerable<Posting> postings)
    {
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM postings WHERE txn_id = $id";
        delete.Parameters.AddWithValue("$id", txnId);
        delete.ExecuteNonQuery();
        using var inserter = CreateInserter();
        foreach (var posting in postings)
        {
            inserter.InsertPosting(txnId, posting);
        }
    }

    /// <summary>Sum of postings per account for days in [fromDay, toDay].</summary>
    public Dictionary<string, decimal> SumPostings(int fromDay, int toDay)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT account_id, amount FROM postings WHERE day BETWEEN $from AND $to";
        command.Parameters.AddWithValue("$from", fromDay);
        command.Parameters.AddWithValue("$to", toDay);
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var account = reader.GetString(0);
            var amount = decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            sums[account] = sums.GetValueOrDefault(account) + amount;
        }

        return sums;
    }

    public (string MessageSetId, string Response)? GetMessageSet(string appId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT message_set_id, response FROM message_sets WHERE app_id = $app";
        command.Parameters.AddWithValue("$app", appId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    public void SetMessageSet(string appId, string messageSetId, string response)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO message_sets(app_id, message_set_id, response) VALUES($app, $id, $r) ON CONFLICT(app_id) DO UPDATE SET message_set_id = excluded.message_set_id, response = excluded.response";
        command.Parameters.AddWithValue("$app", appId);
        command.Parameters.AddWithValue("$id", messageSetId);
        command.Parameters.AddWithValue("$r", response);
        command.ExecuteNonQuery();
    }

    public void ClearMessageSet(string appId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM message_sets WHERE app_id = $app";
        command.Parameters.AddWithValue("$app", appId);
        command.ExecuteNonQuery();
    }

    /// <summary>Streams (type, id, edit sequence) of every existing record, sorted by type then id (ordinal).</summary>
    public IEnumerable<(string Type, string Id, string EditSequence)> StreamIdentities()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT type, id, edit_seq FROM records ORDER BY type, id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
    }

    /// <summary>Streams (id, edit sequence) of the existing records of the given types, sorted by id (ordinal).</summary>
    public IEnumerable<(string Id, string EditSequence)> StreamIdentities(IReadOnlyList<string> types)
    {
        using var command = _connection.CreateCommand();
        var typeList = AddList(command, "t", types);
        command.CommandText = $"SELECT id, edit_seq FROM records WHERE type IN ({typeList}) ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetString(1));
        }
    }

    public long CountDeleted()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deleted";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();

    internal static string? NameKey(StoredRecord record) => record.Name?.ToUpperInvariant();

    internal static StoredRecord ReadRecord(SqliteDataReader reader) => new()
    {
        RowId = reader.GetInt64(0),
        Type = reader.GetString(1),
        Id = reader.GetString(2),
        EditSequence = reader.GetString(3),
        TimeCreated = reader.GetInt64(4),
        TimeModified = reader.GetInt64(5),
        Name = reader.IsDBNull(6) ? null : reader.GetString(6),
        RefNumber = reader.IsDBNull(7) ? null : reader.GetString(7),
        TxnDate = reader.IsDBNull(8) ? null : reader.GetString(8),
        IsActive = reader.GetInt64(9) != 0,
        EntityId = reader.IsDBNull(10) ? null : reader.GetString(10),
        Amount = decimal.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
        OpenAmount = decimal.Parse(reader.GetString(12), CultureInfo.InvariantCulture),
        Body = reader.GetString(13),
    };

    private static StringBuilder BuildWhere(SqliteCommand command, RecordFilter filter)
    {
        var where = new StringBuilder();
        where.Append("type IN (").Append(AddList(command, "t", filter.Types)).Append(')');
        if (filter.Ids is { } ids)
        {
            where.Append(" AND id IN (").Append(AddList(command, "id", ids)).Append(')');
        }

        if (filter.Names is { } names)
        {
            where.Append(" AND name_key IN (").Append(AddList(command, "n", names.Select(n => n.ToUpperInvariant()))).Append(')');
        }

        if (filter.RefNumbers is { } refs)
        {
            where.Append(" AND ref_number IN (").Append(AddList(command, "r", refs)).Append(')');
        }

        if (filter.EntityIds is { } entities)
        {
            where.Append(" AND entity_id IN (").Append(AddList(command, "e", entities)).Append(')');
        }

        AddCondition(where, command, "time_modified >= $mf", "$mf", filter.ModifiedFrom);
        AddCondition(where, command, "time_modified <= $mt", "$mt", filter.ModifiedTo);
        AddCondition(where, command, "txn_date >= $df", "$df", filter.TxnDateFrom);
        AddCondition(where, command, "txn_date <= $dt", "$dt", filter.TxnDateTo);
        if (filter.Active is { } active)
        {
            where.Append(active ? " AND is_active = 1" : " AND is_active = 0");
        }

        AddCondition(where, command, "substr(name_key, 1, length($np)) = $np", "$np", filter.NamePrefix?.ToUpperInvariant());
        AddCondition(where, command, "instr(name_key, $nc) > 0", "$nc", filter.NameContains?.ToUpperInvariant());
        AddCondition(where, command, "substr(name_key, -length($ns)) = $ns", "$ns", filter.NameSuffix?.ToUpperInvariant());
        AddCondition(where, command, "name_key >= $nrf", "$nrf", filter.NameRangeFrom?.ToUpperInvariant());
        AddCondition(where, command, "name_key <= $nrt", "$nrt", filter.NameRangeTo?.ToUpperInvariant());
        return where;
    }

    private static void AddCondition(StringBuilder where, SqliteCommand command, string condition, string parameter, object? value)
    {
        if (value is null)
        {
            return;
        }

        where.Append(" AND ").Append(condition);
        command.Parameters.AddWithValue(parameter, value);
    }

    private static string AddList(SqliteCommand command, string prefix, IEnumerable<string> values)
    {
        var names = new List<string>();
        var i = 0;
        foreach (var value in values)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"${prefix}{i++}");
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return names.Count == 0 ? "NULL" : string.Join(",", names);
    }
}
