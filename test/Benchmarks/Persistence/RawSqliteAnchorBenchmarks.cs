using BenchmarkDotNet.Attributes;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>
/// Anchors for the journal figures, on the same disk: plain Microsoft.Data.Sqlite inserts of rows of
/// the journal's shape, with WAL + synchronous=FULL (one row per transaction, and 100 rows per
/// transaction), and with the rollback journal + synchronous=FULL that Akka.Persistence.Sqlite leaves in place.
/// Each block runs on a pool thread, as the journal's writer does.
/// </summary>
public class RawSqliteAnchorBenchmarks
{
    private string _folder = "";
    private RawSqliteTable _wal = null!;
    private RawSqliteTable _rollback = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkEvents.NewTempFolder();
        _wal = new RawSqliteTable(Path.Combine(_folder, "wal.db"), "WAL");
        _rollback = new RawSqliteTable(Path.Combine(_folder, "rollback.db"), "DELETE");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _wal.Dispose();
        _rollback.Dispose();
        BenchmarkEvents.DeleteFolder(_folder);
    }

    [Benchmark(OperationsPerInvoke = 100)]
    public Task WalFullSingleRowTransactions() => Task.Run(() =>
    {
        for (var i = 0; i < 100; i++)
        {
            _wal.InsertInTransaction(1);
        }
    });

    [Benchmark(OperationsPerInvoke = 1000)]
    public Task WalFullRowsInTransactionsOf100() => Task.Run(() =>
    {
        for (var i = 0; i < 10; i++)
        {
            _wal.InsertInTransaction(100);
        }
    });

    [Benchmark(OperationsPerInvoke = 20)]
    public Task RollbackJournalFullSingleRowTransactions() => Task.Run(() =>
    {
        for (var i = 0; i < 20; i++)
        {
            _rollback.InsertInTransaction(1);
        }
    });
}
