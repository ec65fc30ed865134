using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.QbGateway.Records;

namespace QbConnector.Benchmarks.Pages;

/// <summary>
/// One page of 250 realistic invoices (5 lines each, as parsed from qbXML) turned into what the
/// outbox stores: each record to the contract's Record (neutral JSON plus keys), then the page to
/// protobuf bytes (gzip'd above the contract's threshold, which a page of invoices crosses).
/// </summary>
[MemoryDiagnoser]
public class RecordEncodingBenchmarks
{
    private const int PageSize = 250;
    private QbRecord[] _records = [];
    private Record[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _records = Enumerable.Range(0, PageSize).Select(Qbxml.QbxmlParsingBenchmarks.Invoice).ToArray();
        _encoded = _records.Select(RecordEncoder.Encode).ToArray();
        var bytes = DataPageBuilder.Build("company", "work", "invoices", _encoded).ToByteArray();
        Console.WriteLine($"// page of {PageSize} invoices: {_encoded.Sum(r => r.Json.Length) / PageSize} B of JSON per record, {bytes.Length / 1024.0:F0} KiB on the wire");
    }

    /// <summary>Records to JSON (Record messages), per page.</summary>
    [Benchmark(OperationsPerInvoke = PageSize)]
    public int RecordToJson()
    {
        var total = 0;
        foreach (var record in _records)
        {
            total += RecordEncoder.Encode(record).Json.Length;
        }

        return total;
    }

    /// <summary>Encoded records to the page's protobuf bytes, as appended to the outbox, per record.</summary>
    [Benchmark(OperationsPerInvoke = PageSize)]
    public int PageToProtobuf() => DataPageBuilder.Build("company", "work", "invoices", _encoded).ToByteArray().Length;

    /// <summary>The whole path from parsed records to outbox bytes, per record.</summary>
    [Benchmark(OperationsPerInvoke = PageSize)]
    public int RecordsToPageBytes() => DataPageBuilder.Build("company", "work", "invoices", _records.Select(RecordEncoder.Encode).ToList()).ToByteArray().Length;
}
