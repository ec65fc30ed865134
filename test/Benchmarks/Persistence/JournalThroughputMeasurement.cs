using System.Diagnostics;
using System.Globalization;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Sqlite;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>
/// Console measurement of journal write throughput against raw SQLite anchors on the same disk,
/// interleaved in short blocks so that bursts of load from other processes hit every case alike;
/// reports the median block rate of each case. Run with `-- journal-throughput [rounds]`.
/// </summary>
internal static class JournalThroughputMeasurement
{
    public static void Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var folder = BenchmarkEvents.NewTempFolder();
        try
        {
            var journal = SqliteJournal.OpenAsync(new SqliteStoreOptions(Path.Combine(folder, "journal.db")), BenchmarkEvents.Serializer).GetAwaiter().GetResult();
            using var wal = new RawSqliteTable(Path.Combine(folder, "raw-wal.db"), "WAL");
            using var rollback = new RawSqliteTable(Path.Combine(folder, "raw-rollback.db"), "DELETE");
            long singleSeq = 0, atomicSeq = 0;
            var writerSeqs = new long[100];

            var cases = new (string Name, int Operations, Action Block)[]
            {
                ("journal: single awaited writes", 20, () =>
                {
                    for (var i = 0; i < 20; i++)
                    {
                        journal.WriteMessagesAsync([new AtomicWrite([BenchmarkEvents.Event("single", ++singleSeq)])]).GetAwaiter().GetResult();
                    }
                }),
                ("raw WAL+FULL: single-row transactions", 20, () =>
                {
                    for (var i = 0; i < 20; i++)
                    {
                        wal.InsertInTransaction(1);
                    }
                }),
                ("raw WAL+FULL: single-row tx, a thread hop each", 20, () =>
                {
                    for (var i = 0; i < 20; i++)
                    {
                        Task.Run(() => wal.InsertInTransaction(1)).GetAwaiter().GetResult();
                    }
                }),
                ("raw rollback journal+FULL: single-row transactions", 5, () =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        rollback.InsertInTransaction(1);
                    }
                }),
                ("journal: AtomicWrites of 100 (events)", 300, () =>
                {
                    for (var w = 0; w < 3; w++)
                    {
                        var events = new PersistentRepresentation[100];
                        for (var i = 0; i < events.Length; i++)
                        {
                            events[i] = BenchmarkEvents.Event("atomic", ++atomicSeq);
                        }

                        journal.WriteMessagesAsync([new AtomicWrite(events)]).GetAwaiter().GetResult();
                    }
                }),
                ("journal: 100 concurrent writers (events)", 300, () =>
                    Task.WhenAll(Enumerable.Range(0, 100).Select(async writer =>
                    {
                        for (var i = 0; i < 3; i++)
                        {
                            var seq = ++writerSeqs[writer];
                            await journal.WriteMessagesAsync([new AtomicWrite([BenchmarkEvents.Event($"writer-{writer}", seq)])]);
                        }
                    })).GetAwaiter().GetResult()),
                ("raw rollback journal+FULL: single-row tx, a hop each", 5, () =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        Task.Run(() => rollback.InsertInTransaction(1)).GetAwaiter().GetResult();
                    }
                }),
                ("raw WAL+FULL: rows in transactions of 100", 300, () =>
                {
                    for (var i = 0; i < 3; i++)
                    {
                        wal.InsertInTransaction(100);
                    }
                }),
            };

            var rates = cases.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds + 1; round++)
            {
                for (var c = 0; c < cases.Length; c++)
                {
                    // Every block runs on a pool thread, as the journal's writer does.
                    var block = cases[c].Block;
                    var clock = Stopwatch.StartNew();
                    Task.Run(block).GetAwaiter().GetResult();
                    clock.Stop();

                    // Round 0 warms up JIT and files.
                    if (round > 0)
                    {
                        rates[c].Add(cases[c].Operations / clock.Elapsed.TotalSeconds);
                    }
                }
            }

            journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"journal-throughput: {rounds} interleaved rounds, median block rate per second (p25..p75)"));
            for (var c = 0; c < cases.Length; c++)
            {
                var sorted = rates[c].Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {cases[c].Name,-52} {sorted[sorted.Count / 2],10:N0}/s  ({sorted[sorted.Count / 4]:N0}..{sorted[sorted.Count * 3 / 4]:N0})"));
            }
        }
        finally
        {
            BenchmarkEvents.DeleteFolder(folder);
        }
    }
}
