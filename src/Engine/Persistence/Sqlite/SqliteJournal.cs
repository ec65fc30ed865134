using Microsoft.Data.Sqlite;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using Serilog;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>
/// The event journal in an SQLite file of its own: WAL with synchronous=FULL, one writer connection
/// with group commit, readers on their own connections. Deleted events leave their highest sequence
/// number in journal_metadata, as Akka's SQL journals do.
/// </summary>
public sealed class SqliteJournal : IAsyncWriteJournal
{
    private const string InsertSql =
        "INSERT INTO journal (persistence_id, sequence_nr, timestamp, manifest, payload, writer_guid) VALUES ($pid, $seq, $ts, $manifest, $payload, $writer);";

    private const string ReplaySql =
        "SELECT sequence_nr, timestamp, manifest, payload, writer_guid FROM journal " +
        "WHERE persistence_id = $pid AND sequence_nr >= $from AND sequence_nr <= $to ORDER BY sequence_nr LIMIT $max;";

    private const string HighestSql =
        "SELECT MAX(s) FROM (SELECT MAX(sequence_nr) AS s FROM journal WHERE persistence_id = $pid " +
        "UNION ALL SELECT sequence_nr FROM journal_metadata WHERE persistence_id = $pid);";

    private const string RememberHighestSql =
        "INSERT INTO journal_metadata (persistence_id, sequence_nr) SELECT $pid, MAX(sequence_nr) FROM journal WHERE persistence_id = $pid GROUP BY persistence_id " +
        "ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = MAX(sequence_nr, excluded.sequence_nr);";

    private const string DeleteSql = "DELETE FROM journal WHERE persistence_id = $pid AND sequence_nr <= $to;";

    private readonly string _path;
    private readonly EventSerializer _serializer;
    private readonly SqliteWriter _writer;
    private readonly SqliteReaderPool _readers;
    private readonly SqliteCommand _insert;
    private int _disposed;

    private SqliteJournal(string path, EventSerializer serializer, SqliteWriter writer)
    {
        _path = path;
        _serializer = serializer;
        _writer = writer;
        _readers = new SqliteReaderPool(path);
        _insert = writer.Connection.CreateCommand();
        _insert.CommandText = InsertSql;
        foreach (var name in new[] { "$pid", "$seq", "$ts", "$manifest", "$payload", "$writer" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Opens (or creates) the journal file, checking and migrating it.</summary>
    /// <exception cref="JournalStorageException">The file is damaged, newer, in use or unreadable; it is left untouched.</exception>
    public static Task<SqliteJournal> OpenAsync(SqliteStoreOptions options, EventSerializer serializer, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        var log = (logger ?? Serilog.Core.Logger.None).ForContext<SqliteJournal>();
        return Task.Run(() =>
        {
            var path = SqliteDatabase.Claim(options.DatabasePath);
            try
            {
                var connection = SqliteDatabase.OpenWriter(path, SqliteJournalSchema.Migrations, options, log);
                return new SqliteJournal(path, serializer, new SqliteWriter(connection, path, options.MaxBatchSize, log));
            }
            catch
            {
                SqliteDatabase.Release(path);
                throw;
            }
        }, cancellationToken);
    }

    public Task WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        AtomicWriteValidation.Validate(writes);
        return WriteValidatedAsync(writes, cancellationToken);
    }

    private async Task WriteValidatedAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Serialised on the caller's thread: a payload that cannot be stored fails before anything is queued.
        var rows = new List<(PersistentRepresentation Event, SerializedPayload Payload)>();
        foreach (var write in writes)
        {
            foreach (var representation in write.Payload)
            {
                rows.Add((representation, _serializer.Serialize(representation.Payload)));
            }
        }

        await _writer.ExecuteAsync(rows.Count, transaction =>
        {
            _insert.Transaction = transaction;
            foreach (var (representation, payload) in rows)
            {
                _insert.Parameters[0].Value = representation.PersistenceId;
                _insert.Parameters[1].Value = representation.SequenceNr;
                _insert.Parameters[2].Value = representation.Timestamp.UtcTicks;
                _insert.Parameters[3].Value = payload.Manifest;
                _insert.Parameters[4].Value = payload.Utf8Json;
                _insert.Parameters[5].Value = representation.WriterGuid ?? "";
                try
                {
                    _insert.ExecuteNonQuery();
                }
                catch (SqliteException ex) when (ex.PrimaryCode() == SqliteErrors.Constraint)
                {
                    throw new SequenceNumberConflictException(representation.PersistenceId, representation.SequenceNr, ex);
                }
            }
        }, cancellationToken);
    }

    public Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<PersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        if (max <= 0 || fromSequenceNr > toSequenceNr)
        {
            return Task.CompletedTask;
        }

        return _readers.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = ReplaySql;
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$from", fromSequenceNr);
            command.Parameters.AddWithValue("$to", toSequenceNr);
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var payload = _serializer.Deserialize(reader.GetString(2), reader.GetFieldValue<byte[]>(3));
                recoveryCallback(new PersistentRepresentation(
                    persistenceId, reader.GetInt64(0), payload, new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(4)));
            }

            return true;
        }, cancellationToken);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return _readers.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = HighestSql;
            command.Parameters.AddWithValue("$pid", persistenceId);
            return command.ExecuteScalar() is long highest ? highest : 0L;
        }, cancellationToken);
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return _writer.ExecuteAsync(1, transaction =>
        {
            using var remember = _writer.Connection.CreateCommand();
            remember.Transaction = transaction;
            remember.CommandText = RememberHighestSql;
            remember.Parameters.AddWithValue("$pid", persistenceId);
            remember.ExecuteNonQuery();

            using var delete = _writer.Connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = DeleteSql;
            delete.Parameters.AddWithValue("$pid", persistenceId);
            delete.Parameters.AddWithValue("$to", toSequenceNr);
            delete.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Transactions the writer has committed, to observe group commit.</summary>
    internal long CommittedTransactions => _writer.CommittedTransactions;

    /// <summary>The writer connection's journal_mode and synchronous settings (2 = FULL).</summary>
    internal Task<(string JournalMode, long Synchronous)> ReadWriterPragmasAsync() =>
        _writer.QueryAsync(
            connection => (SqliteDatabase.Scalar<string>(connection, "PRAGMA journal_mode;"), SqliteDatabase.Scalar<long>(connection, "PRAGMA synchronous;")),
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _writer.DisposeAsync();
            await _insert.DisposeAsync();
            _readers.Dispose();
        }
        finally
        {
            SqliteDatabase.Release(_path);
        }
    }
}
