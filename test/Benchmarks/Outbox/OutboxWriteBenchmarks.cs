using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Outbox;
using QbConnector.Benchmarks.Persistence;

namespace QbConnector.Benchmarks.Outbox;

/// <summary>
/// The outbox on a real SQLite file (WAL, synchronous=FULL): appending one page of 250 invoices with
/// its 250 record keys in one transaction, as a sync does per page, and the look-up of which of a
/// page's records were already sent. Times are per record.
/// </summary>
[MemoryDiagnoser]
public class OutboxWriteBenchmarks
{
    private const int PageSize = 250;
    private string _folder = "";
    private SqliteOutbox _outbox = null!;
    private byte[] _payload = [];
    private int _page;

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchmarkEvents.NewTempFolder();
        _outbox = SqliteOutbox.Open(Path.Combine(_folder, "outbox.db"), budgetBytes: long.MaxValue);
        var records = Enumerable.Range(0, PageSize).Select(Qbxml.QbxmlParsingBenchmarks.Invoice).Select(RecordEncoder.Encode).ToList();
        _payload = DataPageBuilder.Build("company", "work", "invoices", records).ToByteArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _outbox.Dispose();
        BenchmarkEvents.DeleteFolder(_folder);
    }

    /// <summary>One page (payload plus 250 keys) in one durable transaction, per record.</summary>
    [Benchmark(OperationsPerInvoke = PageSize)]
    public async Task AppendPage()
    {
        var first = _page++ * PageSize;
        await _outbox.AppendAsync(new NewOutboxPage("company", "work", "invoices", PageSize, _payload) { Keys = Keys(first) });
    }

    /// <summary>Which of a page's records were sent already (the crash-resume check before every page), per record.</summary>
    [Benchmark(OperationsPerInvoke = PageSize)]
    public async Task<int> FindSeen() => (await _outbox.FindSeenAsync("company", "invoices", Keys(0))).Count;

    private static List<OutboxRecordKey> Keys(int first) =>
        Enumerable.Range(first, PageSize).Select(i => new OutboxRecordKey($"{i:X}-1446676743", "1446676743", new DateTimeOffset(2024, 3, 1, 18, 0, 0, TimeSpan.Zero))).ToList();
}
