using Microsoft.Data.Sqlite;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>A bare SQLite table of the journal's shape, written with plain Microsoft.Data.Sqlite: the anchor for journal figures.</summary>
internal sealed class RawSqliteTable : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly byte[] _payload;
    private long _seq;

    public RawSqliteTable(string path, string journalMode)
    {
        _payload = BenchmarkEvents.Serializer.Serialize(BenchmarkEvents.Event("raw", 1).Payload).Utf8Json;
        _connection = new SqliteConnection($"Data Source={path};Pooling=False");
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText =
                $"PRAGMA journal_mode = {journalMode}; PRAGMA synchronous = FULL; " +
                "CREATE TABLE journal (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, timestamp INTEGER NOT NULL, " +
                "manifest TEXT NOT NULL, payload BLOB NOT NULL, writer_guid TEXT NOT NULL, PRIMARY KEY (persistence_id, sequence_nr)) WITHOUT ROWID;";
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO journal VALUES ($pid, $seq, $ts, $manifest, $payload, $writer);";
        foreach (var name in new[] { "$pid", "$seq", "$ts", "$manifest", "$payload", "$writer" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    /// <summary>Inserts the rows in one transaction and commits it (one fsync with synchronous=FULL).</summary>
    public void InsertInTransaction(int rows)
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        for (var r = 0; r < rows; r++)
        {
            _insert.Parameters[0].Value = "raw";
            _insert.Parameters[1].Value = ++_seq;
            _insert.Parameters[2].Value = 0L;
            _insert.Parameters[3].Value = "bench.window-completed.v1";
            _insert.Parameters[4].Value = _payload;
            _insert.Parameters[5].Value = "bench";
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
