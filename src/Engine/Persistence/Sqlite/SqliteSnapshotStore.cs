using Microsoft.Data.Sqlite;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;
using Serilog;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>
/// The snapshot store in an SQLite file of its own (apart from the journal, so large snapshot writes
/// never hold up event writes). WAL with synchronous=FULL as well: once events are deleted behind a
/// snapshot, the snapshot is the only copy of that state.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private const string Criteria =
        "persistence_id = $pid AND sequence_nr <= $maxSeq AND sequence_nr >= $minSeq AND timestamp <= $maxTs AND timestamp >= $minTs";

    private const string LoadSql =
        "SELECT sequence_nr, timestamp, manifest, payload FROM snapshot WHERE " + Criteria + " ORDER BY sequence_nr DESC, timestamp DESC LIMIT 1;";

    private const string SaveSql =
        "INSERT INTO snapshot (persistence_id, sequence_nr, timestamp, manifest, payload) VALUES ($pid, $seq, $ts, $manifest, $payload) " +
        "ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET timestamp = excluded.timestamp, manifest = excluded.manifest, payload = excluded.payload;";

    private const string DeleteOneSql = "DELETE FROM snapshot WHERE persistence_id = $pid AND sequence_nr = $seq;";

    private const string DeleteMatchingSql = "DELETE FROM snapshot WHERE " + Criteria + ";";

    private readonly string _path;
    private readonly EventSerializer _serializer;
    private readonly SqliteWriter _writer;
    private readonly SqliteReaderPool _readers;
    private int _disposed;

    private SqliteSnapshotStore(string path, EventSerializer serializer, SqliteWriter writer)
    {
        _path = path;
        _serializer = serializer;
        _writer = writer;
        _readers = new SqliteReaderPool(path);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Opens (or creates) the snapshot file, checking and migrating it.</summary>
    /// <exception cref="JournalStorageException">The file is damaged, newer, in use or unreadable; it is left untouched.</exception>
    public static Task<SqliteSnapshotStore> OpenAsync(SqliteStoreOptions options, EventSerializer serializer, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        var log = (logger ?? Serilog.Core.Logger.None).ForContext<SqliteSnapshotStore>();
        return Task.Run(() =>
        {
            var path = SqliteDatabase.Claim(options.DatabasePath);
            try
            {
                var connection = SqliteDatabase.OpenWriter(path, SqliteSnapshotSchema.Migrations, options, log);
                return new SqliteSnapshotStore(path, serializer, new SqliteWriter(connection, path, options.MaxBatchSize, log));
            }
            catch
            {
                SqliteDatabase.Release(path);
                throw;
            }
        }, cancellationToken);
    }

    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        return _readers.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = LoadSql;
            AddCriteria(command, persistenceId, criteria);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var metadata = new SnapshotMetadata(persistenceId, reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
            return new SelectedSnapshot(metadata, _serializer.Deserialize(reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
        }, cancellationToken);
    }

    public Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(metadata.PersistenceId, nameof(metadata));
        return SaveValidatedAsync(metadata, snapshot, cancellationToken);
    }

    private async Task SaveValidatedAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var payload = _serializer.Serialize(snapshot);
        await _writer.ExecuteAsync(1, transaction =>
        {
            using var command = _writer.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SaveSql;
            command.Parameters.AddWithValue("$pid", metadata.PersistenceId);
            command.Parameters.AddWithValue("$seq", metadata.SequenceNr);
            command.Parameters.AddWithValue("$ts", metadata.Timestamp.UtcTicks);
            command.Parameters.AddWithValue("$manifest", payload.Manifest);
            command.Parameters.AddWithValue("$payload", payload.Utf8Json);
            command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return _writer.ExecuteAsync(1, transaction =>
        {
            using var command = _writer.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = DeleteOneSql;
            command.Parameters.AddWithValue("$pid", metadata.PersistenceId);
            command.Parameters.AddWithValue("$seq", metadata.SequenceNr);
            command.ExecuteNonQuery();
        }, cancellationToken);
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        return _writer.ExecuteAsync(1, transaction =>
        {
            using var command = _writer.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = DeleteMatchingSql;
            AddCriteria(command, persistenceId, criteria);
            command.ExecuteNonQuery();
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
            _readers.Dispose();
        }
        finally
        {
            SqliteDatabase.Release(_path);
        }
    }

    private static void AddCriteria(SqliteCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$maxSeq", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minSeq", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$maxTs", criteria.MaxTimestamp.UtcTicks);
        command.Parameters.AddWithValue("$minTs", (criteria.MinTimestamp ?? DateTimeOffset.MinValue).UtcTicks);
    }
}
