using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>
/// Anchors for the journal figures, on the same disk: plain Microsoft.Data.Sqlite inserts of rows of
/// the journal's shape, with WAL + synchronous=FULL (one row per transaction, and 100 rows per
/// transaction), and with the rollback journal + synchronous=FULL that Akka.Persistence.Sqlite leaves in place.
/// </summary>
public class RawSqliteAnchorBenchmarks
{
    private string _folder = "";
    private SqliteConnection _wal = null!;
    private SqliteConnection _rollback = null!;
    private SqliteCommand _walInsert = null!;
    private SqliteCommand _rollbackInsert = null!;
    private long _seq;
    private byte[] _payload = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkEvents.NewTempFolder();
        _payload = BenchmarkEvents.Serializer.Serialize(BenchmarkEvents.Event("raw", 1).Payload).Utf8Json;
        (_wal, _walInsert) = Open(Path.Combine(_folder, "wal.db"), "WAL");
        (_rollback, _rollbackInsert) = Open(Path.Combine(_folder, "rollback.db"), "DELETE");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _walInsert.Dispose();
        _rollbackInsert.Dispose();
        _wal.Dispose();
        _rollback.Dispose();
        BenchmarkEvents.DeleteFolder(_folder);
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public void WalFullSingleRowTransactions()
    {
        for (var i = 0; i < 100; i++)
        {
            InsertInTransaction(_wal, _walInsert, 1);
        }
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public void WalFullRowsInTransactionsOf100()
    {
        for (var i = 0; i < 10; i++)
        {
            InsertInTransaction(_wal, _walInsert, 100);
        }
    }

    [Benchmark(OperationsPerInvoke = 20)]
    public void RollbackJournalFullSingleRowTransactions()
    {
        for (var i = 0; i < 20; i++)
        {
            InsertInTransaction(_rollback, _rollbackInsert, 1);
        }
    }

    private static (SqliteConnection, SqliteCommand) Open(string path, string journalMode)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText =
                $"PRAGMA journal_mode = {journalMode}; PRAGMA synchronous = FULL; " +
                "CREATE TABLE journal (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, timestamp INTEGER NOT NULL, " +
                "manifest TEXT NOT NULL, payload BLOB NOT NULL, writer_guid TEXT NOT NULL, PRIMARY KEY (persistence_id, sequence_nr)) WITHOUT ROWID;";
            setup.ExecuteNonQuery();
        }

        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO journal VALUES ($pid, $seq, $ts, $manifest, $payload, $writer);";
        foreach (var name in new[] { "$pid", "$seq", "$ts", "$manifest", "$payload", "$writer" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return (connection, insert);
    }

    private void InsertInTransaction(SqliteConnection connection, SqliteCommand insert, int rows)
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        for (var r = 0; r < rows; r++)
        {
            insert.Parameters[0].Value = "raw";
            insert.Parameters[1].Value = ++_seq;
            insert.Parameters[2].Value = 0L;
            insert.Parameters[3].Value = "bench.window-completed.v1";
            insert.Parameters[4].Value = _payload;
            insert.Parameters[5].Value = "bench";
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
