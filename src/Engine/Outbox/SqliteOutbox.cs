using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace QbConnector.Engine.Outbox;

/// <summary>
/// The durable outbox of fetched pages (one SQLite file, WAL, synchronous=FULL): a page is
/// appended before it is uploaded and removed only when the cloud acknowledges it, so fetched
/// data survives a lost connection or a crash. One connection, serialised by a lock: appends
/// are one per page (hundreds of records), far below SQLite's commit rate.
/// </summary>
public sealed class SqliteOutbox : IAsyncDisposable, IDisposable
{
    private const int SchemaVersion = 2;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly long _budgetBytes;
    private long _pendingBytes;

    private SqliteOutbox(SqliteConnection connection, TimeProvider time, long budgetBytes, long pendingBytes)
    {
        _connection = connection;
        _time = time;
        _budgetBytes = budgetBytes;
        _pendingBytes = pendingBytes;
    }

    public string FilePath => _connection.DataSource;

    /// <summary>Bytes of payload waiting for acknowledgement, over all companies.</summary>
    public long PendingBytes => Interlocked.Read(ref _pendingBytes);

    /// <summary>Bytes of unacknowledged pages kept at most; appending past it fails with <see cref="OutboxFullException"/>.</summary>
    public long BudgetBytes => _budgetBytes;

    /// <summary>Opens (or creates) the outbox file. A file that is not a readable outbox is left untouched.</summary>
    public static SqliteOutbox Open(string path, long budgetBytes = 1L << 30, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            Migrate(connection, path);
            var pending = Convert.ToInt64(Scalar(connection, "SELECT COALESCE(SUM(length(payload)), 0) FROM pages"), System.Globalization.CultureInfo.InvariantCulture);
            return new SqliteOutbox(connection, time ?? TimeProvider.System, budgetBytes, pending);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new OutboxStorageException(
                $"The outbox file '{path}' cannot be opened ({ex.Message.TrimEnd('.')}). It has been left as it is; move it aside to start with an empty outbox (pages not yet sent will be fetched again).",
                ex);
        }
    }

    /// <summary>Stores a page durably and returns it with its sequence number.</summary>
    public async Task<OutboxPage> AppendAsync(NewOutboxPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (PendingBytes + page.Payload.Length > _budgetBytes)
            {
                throw new OutboxFullException(PendingBytes, _budgetBytes);
            }

            var createdAt = _time.GetUtcNow();
            using var transaction = _connection.BeginTransaction();
            long sequence;
            using (var next = _connection.CreateCommand())
            {
                next.Transaction = transaction;
                next.CommandText = """
                    INSERT INTO sequences(company_id, last_sequence) VALUES ($company, 1)
                    ON CONFLICT(company_id) DO UPDATE SET last_sequence = last_sequence + 1
                    RETURNING last_sequence;
                    """;
                next.Parameters.AddWithValue("$company", page.CompanyId);
                sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
            }

            using (var insert = _connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO pages(company_id, sequence, work_id, data_type, record_count, payload, created_at)
                    VALUES ($company, $sequence, $work, $type, $count, $payload, $created);
                    """;
                insert.Parameters.AddWithValue("$company", page.CompanyId);
                insert.Parameters.AddWithValue("$sequence", sequence);
                insert.Parameters.AddWithValue("$work", page.WorkId);
                insert.Parameters.AddWithValue("$type", page.DataType);
                insert.Parameters.AddWithValue("$count", page.RecordCount);
                insert.Parameters.Add("$payload", SqliteType.Blob).Value = page.Payload.ToArray();
                insert.Parameters.AddWithValue("$created", createdAt.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            if (page.Keys.Count > 0)
            {
                using var remember = _connection.CreateCommand();
                remember.Transaction = transaction;
                remember.CommandText = """
                    INSERT INTO seen(company_id, data_type, id, edit_sequence, time_modified)
                    VALUES ($company, $type, $id, $edit, $modified)
                    ON CONFLICT DO UPDATE SET time_modified = excluded.time_modified;
                    """;
                remember.Parameters.AddWithValue("$company", page.CompanyId);
                remember.Parameters.AddWithValue("$type", page.DataType);
                var id = remember.Parameters.Add("$id", SqliteType.Text);
                var edit = remember.Parameters.Add("$edit", SqliteType.Text);
                var modified = remember.Parameters.Add("$modified", SqliteType.Integer);
                foreach (var key in page.Keys)
                {
                    id.Value = key.Id;
                    edit.Value = key.EditSequence;
                    modified.Value = key.TimeModified.ToUnixTimeSeconds();
                    await remember.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            if (page.DeletedIds.Count > 0)
            {
                using var forget = _connection.CreateCommand();
                forget.Transaction = transaction;
                forget.CommandText = "DELETE FROM known WHERE company_id = $company AND data_type = $type AND id = $id";
                forget.Parameters.AddWithValue("$company", page.CompanyId);
                forget.Parameters.AddWithValue("$type", page.DataType);
                var id = forget.Parameters.Add("$id", SqliteType.Text);
                foreach (var deleted in page.DeletedIds)
                {
                    id.Value = deleted;
                    await forget.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            transaction.Commit();
            Interlocked.Add(ref _pendingBytes, page.Payload.Length);
            return new OutboxPage(page.CompanyId, sequence, page.WorkId, page.DataType, page.RecordCount, page.Payload, createdAt);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 13)
        {
            throw new OutboxStorageException($"The disk holding '{FilePath}' is full; the page was not stored and will be fetched again once there is space.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Pages of a company not yet acknowledged, in sequence order, after the given sequence.</summary>
    public async Task<IReadOnlyList<OutboxPage>> ReadPendingAsync(string companyId, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var query = _connection.CreateCommand();
            query.CommandText = """
                SELECT sequence, work_id, data_type, record_count, payload, created_at FROM pages
                WHERE company_id = $company AND sequence > $after ORDER BY sequence LIMIT $max;
                """;
            query.Parameters.AddWithValue("$company", companyId);
            query.Parameters.AddWithValue("$after", afterSequence);
            query.Parameters.AddWithValue("$max", max);
            var pages = new List<OutboxPage>();
            using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pages.Add(new OutboxPage(
                    companyId,
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    (byte[])reader.GetValue(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }

            return pages;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The keys among <paramref name="keys"/> whose record state was already stored in a page.</summary>
    public async Task<IReadOnlySet<OutboxRecordKey>> FindSeenAsync(string companyId, string dataType, IEnumerable<OutboxRecordKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var asked = keys.ToList();
        var seen = new HashSet<OutboxRecordKey>();
        if (asked.Count == 0)
        {
            return seen;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One query for the page's ids (passed as a JSON array) instead of one per record.
            using var query = _connection.CreateCommand();
            query.CommandText = "SELECT id, edit_sequence FROM seen WHERE company_id = $company AND data_type = $type AND id IN (SELECT value FROM json_each($ids))";
            query.Parameters.AddWithValue("$company", companyId);
            query.Parameters.AddWithValue("$type", dataType);
            query.Parameters.AddWithValue("$ids", IdsJson(asked.Select(k => k.Id)));
            var stored = new HashSet<(string Id, string EditSequence)>();
            using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    stored.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var key in asked)
            {
                if (stored.Contains((key.Id, key.EditSequence)))
                {
                    seen.Add(key);
                }
            }

            return seen;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets remembered record states modified before <paramref name="keepFrom"/>: once a window
    /// is complete only the records its successor may fetch again (the safety overlap) matter.
    /// </summary>
    public Task ForgetSeenBeforeAsync(string companyId, string dataType, DateTimeOffset keepFrom, CancellationToken cancellationToken = default) =>
        ExecuteLockedAsync(
            "DELETE FROM seen WHERE company_id = $company AND data_type = $type AND time_modified < $keep",
            cancellationToken,
            ("$company", companyId),
            ("$type", dataType),
            ("$keep", keepFrom.ToUnixTimeSeconds()));

    /// <summary>
    /// Records that these ids exist in QuickBooks as of <paramref name="stamp"/> (the pass that saw
    /// them). A reconciliation later finds the ids that a complete pass did not see: deleted in
    /// QuickBooks, even when its delete history no longer reaches back that far.
    /// </summary>
    public async Task ConfirmKnownAsync(string companyId, string dataType, IReadOnlyCollection<string> ids, long stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // One statement for the page's ids (a JSON array); "WHERE true" lets SQLite parse the upsert after a SELECT.
            using var upsert = _connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO known(company_id, data_type, id, confirmed) SELECT $company, $type, value, $stamp FROM json_each($ids) WHERE true
                ON CONFLICT DO UPDATE SET confirmed = max(confirmed, excluded.confirmed);
                """;
            upsert.Parameters.AddWithValue("$company", companyId);
            upsert.Parameters.AddWithValue("$type", dataType);
            upsert.Parameters.AddWithValue("$stamp", stamp);
            upsert.Parameters.AddWithValue("$ids", IdsJson(ids));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The known ids of a data type that no pass since <paramref name="stamp"/> has confirmed, in id order.</summary>
    public async Task<IReadOnlyList<string>> UnconfirmedAsync(string companyId, string dataType, long stamp, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var query = _connection.CreateCommand();
            query.CommandText = "SELECT id FROM known WHERE company_id = $company AND data_type = $type AND confirmed < $stamp ORDER BY id";
            query.Parameters.AddWithValue("$company", companyId);
            query.Parameters.AddWithValue("$type", dataType);
            query.Parameters.AddWithValue("$stamp", stamp);
            var ids = new List<string>();
            using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets an acknowledged page. Acknowledging an unknown or already forgotten page is harmless.</summary>
    public Task AcknowledgeAsync(string companyId, long sequence, CancellationToken cancellationToken = default) =>
        DeleteAsync("company_id = $company AND sequence = $sequence", companyId, sequence, cancellationToken);

    /// <summary>Drops every page of a company (unlink or deauthorise: fetched pages are not sent).</summary>
    public async Task DeleteCompanyAsync(string companyId, CancellationToken cancellationToken = default)
    {
        await DeleteAsync("company_id = $company", companyId, 0, cancellationToken);
        await ExecuteLockedAsync("DELETE FROM seen WHERE company_id = $company", cancellationToken, ("$company", companyId));
        await ExecuteLockedAsync("DELETE FROM known WHERE company_id = $company", cancellationToken, ("$company", companyId));
    }

    /// <summary>The companies that have pages waiting.</summary>
    public async Task<IReadOnlyList<string>> PendingCompaniesAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var query = _connection.CreateCommand();
            query.CommandText = "SELECT DISTINCT company_id FROM pages ORDER BY company_id";
            var companies = new List<string>();
            using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                companies.Add(reader.GetString(0));
            }

            return companies;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Number of pages a company has waiting.</summary>
    public async Task<int> CountPendingAsync(string companyId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var count = _connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM pages WHERE company_id = $company";
            count.Parameters.AddWithValue("$company", companyId);
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ExecuteLockedAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeleteAsync(string where, string companyId, long sequence, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var delete = _connection.CreateCommand();
            delete.CommandText = $"DELETE FROM pages WHERE {where} RETURNING length(payload);";
            delete.Parameters.AddWithValue("$company", companyId);
            delete.Parameters.AddWithValue("$sequence", sequence);
            long freed = 0;
            using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    freed += reader.GetInt64(0);
                }
            }

            Interlocked.Add(ref _pendingBytes, -freed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Caps the file's size the way a full disk would (SQLite answers SQLITE_FULL past it).</summary>
    internal void LimitPageCount(long pages) => Execute(_connection, $"PRAGMA max_page_count = {pages}");

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new OutboxStorageException($"The outbox file '{path}' was written by a newer version of the connector (schema {version}); it has been left as it is.");
        }

        if (version < 1)
        {
            Execute(connection, """
                BEGIN;
                CREATE TABLE IF NOT EXISTS sequences(company_id TEXT PRIMARY KEY, last_sequence INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS pages(
                    company_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    work_id TEXT NOT NULL,
                    data_type TEXT NOT NULL,
                    record_count INTEGER NOT NULL,
                    payload BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY(company_id, sequence)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS seen(
                    company_id TEXT NOT NULL,
                    data_type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    edit_sequence TEXT NOT NULL,
                    time_modified INTEGER NOT NULL,
                    PRIMARY KEY(company_id, data_type, id, edit_sequence)) WITHOUT ROWID;
                PRAGMA user_version = 1;
                COMMIT;
                """);
        }

        if (version < 2)
        {
            Execute(connection, """
                BEGIN;
                CREATE TABLE IF NOT EXISTS known(
                    company_id TEXT NOT NULL,
                    data_type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    confirmed INTEGER NOT NULL,
                    PRIMARY KEY(company_id, data_type, id)) WITHOUT ROWID;
                PRAGMA user_version = 2;
                COMMIT;
                """);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Distinct ids as a JSON array, for SQLite's json_each (one statement per page rather than per record).</summary>
    private static string IdsJson(IEnumerable<string> ids) =>
        JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal).ToList(), OutboxJsonContext.Default.ListString);
}
