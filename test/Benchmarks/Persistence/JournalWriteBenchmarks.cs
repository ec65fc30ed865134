using BenchmarkDotNet.Attributes;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Sqlite;

namespace QbConnector.Benchmarks.Persistence;

/// <summary>
/// Events persisted per second by the SQLite journal (WAL, synchronous=FULL) on a real file:
/// one awaited write at a time, many concurrent writers (group commit), and AtomicWrites of 100.
/// Each benchmark method stores <see cref="EventsPerInvoke"/> events, so the reported time is per event.
/// </summary>
[MemoryDiagnoser]
public class JournalWriteBenchmarks
{
    private const int EventsPerInvoke = 1000;
    private string _folder = "";
    private SqliteJournal _journal = null!;
    private long _singleSeq;
    private long _atomicSeq;
    private long[] _writerSeqs = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkEvents.NewTempFolder();
        _journal = SqliteJournal.OpenAsync(new SqliteStoreOptions(Path.Combine(_folder, "journal.db")), BenchmarkEvents.Serializer).GetAwaiter().GetResult();
        _writerSeqs = new long[100];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
        BenchmarkEvents.DeleteFolder(_folder);
    }

    /// <summary>One event per write, each awaited before the next: one transaction and one fsync per event.</summary>
    [Benchmark(OperationsPerInvoke = 200)]
    public async Task SingleAwaitedWrite()
    {
        for (var i = 0; i < 200; i++)
        {
            await _journal.WriteMessagesAsync([new AtomicWrite([BenchmarkEvents.Event("single", ++_singleSeq)])]);
        }
    }

    /// <summary>100 writers (as 100 company actors would), each awaiting 10 single-event writes in turn.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public Task HundredConcurrentWriters() =>
        Task.WhenAll(Enumerable.Range(0, 100).Select(async writer =>
        {
            var pid = $"writer-{writer}";
            for (var i = 0; i < EventsPerInvoke / 100; i++)
            {
                var seq = ++_writerSeqs[writer];
                await _journal.WriteMessagesAsync([new AtomicWrite([BenchmarkEvents.Event(pid, seq)])]);
            }
        }));

    /// <summary>AtomicWrites of 100 events (PersistAll), each awaited before the next.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task AtomicWritesOf100()
    {
        for (var w = 0; w < EventsPerInvoke / 100; w++)
        {
            var events = new PersistentRepresentation[100];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = BenchmarkEvents.Event("atomic", ++_atomicSeq);
            }

            await _journal.WriteMessagesAsync([new AtomicWrite(events)]);
        }
    }
}
