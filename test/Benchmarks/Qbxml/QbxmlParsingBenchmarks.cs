using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;

namespace QbConnector.Benchmarks.Qbxml;

/// <summary>
/// Parsing a ~50 MB InvoiceQueryRs of realistic invoices with lines: the streaming reader against
/// a DOM load of the same bytes. Setup also prints the reader's peak managed heap while parsing.
/// </summary>
[MemoryDiagnoser]
public class QbxmlParsingBenchmarks
{
    private byte[] _response = [];

    public int InvoiceCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        (_response, InvoiceCount) = BuildResponse(50L * 1024 * 1024);
        Console.WriteLine($"// qbXML response: {_response.Length / (1024.0 * 1024.0):F1} MB, {InvoiceCount} invoices");
        var (records, peakBytes) = MeasurePeak(ParseStreaming);
        Console.WriteLine($"// Streaming reader: {records} records, peak live managed heap above the input buffer {peakBytes / (1024.0 * 1024.0):F1} MB");
        var (domRecords, domPeak) = MeasurePeak(LoadDom);
        Console.WriteLine($"// DOM load: {domRecords} records, peak live managed heap above the input buffer {domPeak / (1024.0 * 1024.0):F1} MB");
    }

    [Benchmark(Baseline = true)]
    public int ParseStreaming()
    {
        var count = 0;
        using var reader = QbResponseReader.Create(new MemoryStream(_response, writable: false));
        while (reader.NextResponse() is not null)
        {
            foreach (var record in reader.ReadRecords())
            {
                count += record.Fields.Count > 0 ? 1 : 0;
            }
        }

        return count;
    }

    [Benchmark]
    public int LoadDom() => XDocument.Load(new MemoryStream(_response, writable: false)).Root!.Descendants("InvoiceRet").Count();

    private static (int Result, long PeakBytes) MeasurePeak(Func<int> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                // A full collection per sample measures live memory, not garbage awaiting collection.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                done.Wait(20);
            }
        });
        sampler.Start();
        var result = work();
        done.Set();
        sampler.Join();
        return (result, peak);
    }

    internal static (byte[] Bytes, int Count) BuildResponse(long targetBytes)
    {
        var buffer = new MemoryStream();
        var count = 0;
        using (var w = XmlWriter.Create(buffer, QbRecordXml.WriterSettings(omitXmlDeclaration: false)))
        {
            w.WriteStartElement("QBXML");
            w.WriteStartElement("QBXMLMsgsRs");
            w.WriteStartElement("InvoiceQueryRs");
            w.WriteAttributeString("requestID", "1");
            w.WriteAttributeString("statusCode", "0");
            w.WriteAttributeString("statusSeverity", "Info");
            w.WriteAttributeString("statusMessage", "Status OK");
            while (true)
            {
                w.Flush();
                if (buffer.Length >= targetBytes)
                {
                    break;
                }

                QbRecordXml.WriteRet(w, Invoice(count++));
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return (buffer.ToArray(), count);
    }

    internal static QbRecord Invoice(int i)
    {
        var s = (int n) => n.ToString(CultureInfo.InvariantCulture);
        var fields = new List<QbField>
        {
            QbField.Leaf("TxnID", $"{i:X}-1446676743"),
            QbField.Leaf("TimeCreated", "2015-11-04T15:19:03-08:00"),
            QbField.Leaf("TimeModified", "2024-03-01T10:00:00-08:00"),
            QbField.Leaf("EditSequence", s(1446676743 + i)),
            QbField.Leaf("TxnNumber", s(i)),
            QbField.Aggregate("CustomerRef", QbField.Leaf("ListID", "80000003-1446676743"), QbField.Leaf("FullName", "Kookies by Kathy & Co <Bakery>")),
            QbField.Aggregate("ClassRef", QbField.Leaf("ListID", "80000001-1446676700"), QbField.Leaf("FullName", "East")),
            QbField.Aggregate("ARAccountRef", QbField.Leaf("ListID", "8000000A-1446676701"), QbField.Leaf("FullName", "Accounts Receivable")),
            QbField.Aggregate("TemplateRef", QbField.Leaf("ListID", "80000004-1446676702"), QbField.Leaf("FullName", "Intuit Service Invoice")),
            QbField.Leaf("TxnDate", "2024-02-29"),
            QbField.Leaf("RefNumber", s(10000 + i)),
            QbField.Aggregate("BillAddress", QbField.Leaf("Addr1", "Kathy Kookies"), QbField.Leaf("Addr2", "789 Sugar Lane"), QbField.Leaf("City", "Middlefield"), QbField.Leaf("State", "CA"), QbField.Leaf("PostalCode", "94303")),
            QbField.Aggregate("ShipAddress", QbField.Leaf("Addr1", "Kathy Kookies"), QbField.Leaf("Addr2", "789 Sugar Lane"), QbField.Leaf("City", "Middlefield"), QbField.Leaf("State", "CA"), QbField.Leaf("PostalCode", "94303")),
            QbField.Leaf("IsPending", "false"),
            QbField.Leaf("IsFinanceCharge", "false"),
            QbField.Leaf("PONumber", "PO-" + s(i)),
            QbField.Aggregate("TermsRef", QbField.Leaf("ListID", "80000002-1446676700"), QbField.Leaf("FullName", "Net 30")),
            QbField.Leaf("DueDate", "2024-03-30"),
            QbField.Leaf("ShipDate", "2024-02-29"),
            QbField.Leaf("Subtotal", "1250.00"),
            QbField.Aggregate("ItemSalesTaxRef", QbField.Leaf("ListID", "80000010-1446676705"), QbField.Leaf("FullName", "San Tomas")),
            QbField.Leaf("SalesTaxPercentage", "7.75"),
            QbField.Leaf("SalesTaxTotal", "96.88"),
            QbField.Leaf("AppliedAmount", "0.00"),
            QbField.Leaf("BalanceRemaining", "1346.88"),
            QbField.Leaf("Memo", "Thank you for your business. Invoice " + s(i)),
            QbField.Leaf("IsPaid", "false"),
            QbField.Leaf("IsToBePrinted", "true"),
            QbField.Leaf("IsToBeEmailed", "false"),
        };
        for (var line = 0; line < 5; line++)
        {
            fields.Add(QbField.Aggregate(
                "InvoiceLineRet",
                QbField.Leaf("TxnLineID", $"{i:X}-{line}"),
                QbField.Aggregate("ItemRef", QbField.Leaf("ListID", "80000020-1446676710"), QbField.Leaf("FullName", "Consulting:Hourly")),
                QbField.Leaf("Desc", "Consulting services, phase " + s(line) + " — on-site work"),
                QbField.Leaf("Quantity", "5"),
                QbField.Leaf("Rate", "50.00"),
                QbField.Aggregate("ClassRef", QbField.Leaf("ListID", "80000001-1446676700"), QbField.Leaf("FullName", "East")),
                QbField.Leaf("Amount", "250.00"),
                QbField.Leaf("ServiceDate", "2024-02-28"),
                QbField.Aggregate("SalesTaxCodeRef", QbField.Leaf("ListID", "80000001-1446676711"), QbField.Leaf("FullName", "Tax"))));
        }

        return new QbRecord("invoices", "InvoiceRet", fields);
    }
}
