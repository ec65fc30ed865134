using System.Diagnostics;
using System.Globalization;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Sqlite;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>
/// Console measurement of recovery: fills a journal file with N events of one persistence id, reopens
/// it (with the start-up integrity check) and replays them all, timing each step. Too long a run for
/// BenchmarkDotNet's repetitions; run with `-- journal-recovery [events]`.
/// </summary>
internal static class JournalRecoveryMeasurement
{
    public static void Run(string[] args)
    {
        var events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = BenchmarkEvents.NewTempFolder();
        var path = Path.Combine(folder, "journal.db");
        try
        {
            var fill = Stopwatch.StartNew();
            using (var journal = Open(path))
            {
                const int perWrite = 1000;
                for (long seq = 1; seq <= events; seq += perWrite)
                {
                    var count = (int)Math.Min(perWrite, events - seq + 1);
                    var batch = new PersistentRepresentation[count];
                    for (var i = 0; i < count; i++)
                    {
                        batch[i] = BenchmarkEvents.Event("company-1", seq + i);
                    }

                    journal.Value.WriteMessagesAsync([new AtomicWrite(batch)]).GetAwaiter().GetResult();
                }
            }

            fill.Stop();
            var size = new FileInfo(path).Length;

            var open = Stopwatch.StartNew();
            using var reopened = Open(path);
            open.Stop();

            var replay = Stopwatch.StartNew();
            long replayed = 0;
            var highest = reopened.Value.ReadHighestSequenceNrAsync("company-1", 0).GetAwaiter().GetResult();
            reopened.Value.ReplayMessagesAsync("company-1", 1, highest, long.MaxValue, _ => replayed++).GetAwaiter().GetResult();
            replay.Stop();

            if (replayed != events)
            {
                throw new InvalidOperationException($"Replayed {replayed} events, expected {events}.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"journal-recovery: {events:N0} events, file {size / 1024.0 / 1024.0:F1} MiB; " +
                $"fill {fill.Elapsed.TotalSeconds:F1} s ({events / fill.Elapsed.TotalSeconds:N0} events/s in AtomicWrites of 1000); " +
                $"open with integrity check {open.Elapsed.TotalSeconds:F2} s; " +
                $"replay {replay.Elapsed.TotalSeconds:F2} s ({events / replay.Elapsed.TotalSeconds:N0} events/s, deserialised)"));
        }
        finally
        {
            BenchmarkEvents.DeleteFolder(folder);
        }
    }

    private static OpenJournal Open(string path) =>
        new(SqliteJournal.OpenAsync(new SqliteStoreOptions(path), BenchmarkEvents.Serializer).GetAwaiter().GetResult());

    private sealed class OpenJournal(SqliteJournal journal) : IDisposable
    {
        public SqliteJournal Value { get; } = journal;

        public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
