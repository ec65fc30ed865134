using System.Text;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;
using QbConnector.QbGateway.Tests.Records;

namespace QbConnector.QbGateway.Tests.Qbxml.Responses;

public class QbResponseReaderTests
{
    private const string TwoResponses =
        "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs newMessageSetID=\"push-1\">\n" +
        "<CustomerQueryRs requestID=\"r1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\" retCount=\"2\" iteratorRemainingCount=\"7\" iteratorID=\"{it-1}\">\n" +
        "  <CustomerRet>\n    <ListID>80000001-1</ListID>\n    <EditSequence>11</EditSequence>\n    <Name>Ada</Name>\n    <FutureField>x</FutureField>\n  </CustomerRet>\n" +
        "  <CustomerRet><ListID>80000002-1</ListID><Name>Bob &amp; Co</Name><JobStatus>SomethingNew</JobStatus></CustomerRet>\n" +
        "</CustomerQueryRs>\n" +
        "<InvoiceAddRs requestID=\"r2\" statusCode=\"3200\" statusSeverity=\"Error\" statusMessage=\"The provided edit sequence &quot;1&quot; is out-of-date.\" />\n" +
        "<BillQueryRs statusCode=\"1\" statusSeverity=\"Info\" statusMessage=\"A query request did not find a matching object in QuickBooks\" retCount=\"0\"/>\n" +
        "</QBXMLMsgsRs>\n</QBXML>\n";

    [Fact]
    public void Reads_headers_and_records_one_response_at_a_time()
    {
        using var reader = QbResponseReader.Create(TwoResponses);
        var first = reader.NextResponse()!;
        first.Should().BeEquivalentTo(new { ElementName = "CustomerQueryRs", RequestId = "r1", StatusCode = 0, StatusSeverity = "Info", RetCount = 2, IteratorRemainingCount = 7, IteratorId = "{it-1}", DataType = "customers" });
        var records = reader.ReadRecords().ToList();
        records.Select(r => r.Id).Should().Equal("80000001-1", "80000002-1");
        records[0].ValueAt("FutureField").Should().Be("x");
        records[1].ValueAt("Name").Should().Be("Bob & Co");
        records[1].ValueAt("JobStatus").Should().Be("SomethingNew", "unknown enum values are kept");
        records.Should().OnlyContain(r => r.DataType == "customers");

        var second = reader.NextResponse()!;
        second.DataType.Should().Be("invoices");
        second.IsError.Should().BeTrue();
        var act = second.EnsureSuccess;
        act.Should().Throw<QbStatusException>().Which.ErrorClass.Should().Be(QbErrorClass.RequestInvalid);

        var third = reader.NextResponse()!;
        third.StatusCode.Should().Be(1);
        third.IsError.Should().BeFalse("no match is not an error");
        reader.ReadRecords().Should().BeEmpty();
        reader.NextResponse().Should().BeNull();
        reader.NewMessageSetId.Should().Be("push-1");
    }

    [Fact]
    public void Skips_records_the_caller_did_not_read()
    {
        using var reader = QbResponseReader.Create(TwoResponses);
        reader.NextResponse();
        reader.NextResponse()!.ElementName.Should().Be("InvoiceAddRs");
    }

    [Theory]
    [InlineData(9002)]
    [InlineData(600)]
    public void Empty_recovery_answer_carries_the_message_set_status(int status)
    {
        using var reader = QbResponseReader.Create($"<?xml version=\"1.0\"?><QBXML><QBXMLMsgsRs newMessageSetID=\"p\" messageSetStatusCode=\"{status}\"/></QBXML>");
        reader.NextResponse().Should().BeNull();
        reader.MessageSetStatusCode.Should().Be(status);
        reader.NewMessageSetId.Should().Be("p");
    }

    [Fact]
    public void Deleted_records_are_read_into_their_shape()
    {
        const string xml = "<QBXML><QBXMLMsgsRs><ListDeletedQueryRs statusCode=\"0\" statusSeverity=\"Info\">" +
                           "<ListDeletedRet><ListDelType>ItemService</ListDelType><ListID>80000009-1</ListID><TimeCreated>2024-01-01T10:00:00-05:00</TimeCreated><TimeDeleted>2024-02-01T10:00:00-05:00</TimeDeleted><FullName>Consulting</FullName></ListDeletedRet>" +
                           "</ListDeletedQueryRs><TxnDeletedQueryRs statusCode=\"0\" statusSeverity=\"Info\">" +
                           "<TxnDeletedRet><TxnDelType>Invoice</TxnDelType><TxnID>1F-1</TxnID><TimeCreated>2024-01-01T10:00:00-05:00</TimeCreated><TimeDeleted>2024-02-01T10:00:00-05:00</TimeDeleted><RefNumber>1001</RefNumber></TxnDeletedRet>" +
                           "</TxnDeletedQueryRs></QBXMLMsgsRs></QBXML>";
        using var reader = QbResponseReader.Create(xml);
        reader.NextResponse();
        var list = QbDeletedRecords.FromRecord(reader.ReadRecords().Single());
        list.Should().Be(new QbDeletedRecord("items", "ItemService", "80000009-1", "2024-01-01T10:00:00-05:00", "2024-02-01T10:00:00-05:00", "Consulting", false));
        reader.NextResponse();
        var txn = QbDeletedRecords.FromRecord(reader.ReadRecords().Single());
        txn.DataType.Should().Be("invoices");
        txn.Name.Should().Be("1001");
        txn.IsTransaction.Should().BeTrue();
    }

    [Fact]
    public void Report_answer_becomes_columns_and_rows()
    {
        const string xml = "<QBXML><QBXMLMsgsRs><GeneralSummaryReportQueryRs statusCode=\"0\" statusSeverity=\"Info\"><ReportRet>" +
                           "<ReportTitle>Balance Sheet</ReportTitle><ReportBasis>Accrual</ReportBasis><NumRows>3</NumRows><NumColumns>2</NumColumns><NumColTitleRows>1</NumColTitleRows>" +
                           "<ColDesc colID=\"1\" dataType=\"STRTYPE\"><ColTitle titleRow=\"1\" /><ColType>Label</ColType></ColDesc>" +
                           "<ColDesc colID=\"2\" dataType=\"AMTTYPE\"><ColTitle titleRow=\"1\" value=\"Mar 31, 24\" /><ColType>Amount</ColType></ColDesc>" +
                           "<ReportData><TextRow rowNumber=\"1\" value=\"ASSETS\" />" +
                           "<DataRow rowNumber=\"2\"><RowData rowType=\"account\" value=\"Checking\" /><ColData colID=\"1\" value=\"Checking\" /><ColData colID=\"2\" value=\"1500.25\" /></DataRow>" +
                           "<TotalRow rowNumber=\"3\"><RowData rowType=\"label\" value=\"TOTAL\" /><ColData colID=\"1\" value=\"TOTAL ASSETS\" /><ColData colID=\"2\" value=\"1500.25\" /></TotalRow>" +
                           "</ReportData></ReportRet></GeneralSummaryReportQueryRs></QBXMLMsgsRs></QBXML>";
        using var reader = QbResponseReader.Create(xml);
        reader.NextResponse();
        var report = QbReport.FromRecord(reader.ReadRecords().Single());
        report.Title.Should().Be("Balance Sheet");
        report.Columns.Select(c => c.ColType).Should().Equal("Label", "Amount");
        report.Columns[1].Titles.Should().Equal("Mar 31, 24");
        report.Rows.Select(r => r.Kind).Should().Equal("TextRow", "DataRow", "TotalRow");
        report.Rows[0].RowValue.Should().Be("ASSETS");
        QbReport.Amount(report.Rows[1], "2").Should().Be(1500.25m);
        report.ToJson().Should().Contain("\"rows\":[{\"kind\":\"TextRow\",\"rowNumber\":\"1\",\"rowValue\":\"ASSETS\",\"cells\":{}}");
    }

    [Fact]
    public void Any_record_written_in_a_response_is_read_back_identically_and_survives_json()
    {
        Prop.ForAll(Arb.From(Gen.ListOf(QbRecordGen.Record, 4)), records =>
        {
            var xml = Response("CustomerQueryRs", records);
            using var reader = QbResponseReader.Create(xml);
            reader.NextResponse();
            var read = reader.ReadRecords().ToList();
            var expected = records.Select(r => new QbRecord("customers", r.RetElement, r.Fields)).ToList();
            return read.SequenceEqual(expected)
                   && read.Select(r => QbRecordJson.Deserialize(QbRecordJson.Serialize(r))).SequenceEqual(expected);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Truncated_documents_are_refused_with_a_format_error()
    {
        var full = Response("InvoiceQueryRs", [new QbRecord("invoices", "InvoiceRet", [QbField.Leaf("TxnID", "1"), QbField.Aggregate("InvoiceLineRet", QbField.Leaf("Amount", "1.00"))])]);
        for (var cut = 1; cut < full.Length - 1; cut += 7)
        {
            var act = () => ReadAll(full[..cut]);
            act.Should().Throw<QbResponseFormatException>($"the document cut at {cut} is incomplete");
        }
    }

    [Fact]
    public void Documents_over_the_size_limit_are_refused()
    {
        var records = Enumerable.Range(0, 200).Select(i => new QbRecord("customers", "CustomerRet", [QbField.Leaf("ListID", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), QbField.Leaf("Name", new string('n', 100))])).ToList();
        var xml = Response("CustomerQueryRs", records);
        var act = () => ReadAll(xml, new QbResponseReaderOptions { MaxCharactersInDocument = 10_000 });
        act.Should().Throw<QbResponseFormatException>();
        ReadAll(xml, new QbResponseReaderOptions { MaxCharactersInDocument = 100_000 }).Should().Be(200);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE QBXML [<!ENTITY a \"b\">]><QBXML><QBXMLMsgsRs/></QBXML>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\"><CustomerRet><Name>&lol3;</Name></CustomerRet></CustomerQueryRs></QBXMLMsgsRs></QBXML>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE QBXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\"><CustomerRet><Name>&xxe;</Name></CustomerRet></CustomerQueryRs></QBXMLMsgsRs></QBXML>")]
    [InlineData("<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\"><CustomerRet><Name>&undefined;</Name></CustomerRet></CustomerQueryRs></QBXMLMsgsRs></QBXML>")]
    [InlineData("<QBXML><QBXMLMsgsRs><CustomerQueryRs statusSeverity=\"Info\"/></QBXMLMsgsRs></QBXML>")]
    [InlineData("<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"zero\" statusSeverity=\"Info\"/></QBXMLMsgsRs></QBXML>")]
    [InlineData("<NotQbxml/>")]
    [InlineData("<QBXML/>")]
    [InlineData("<QBXML><Other/></QBXML>")]
    [InlineData("<QBXML><QBXMLMsgsRs><CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\">text<CustomerRet/></CustomerQueryRs></QBXMLMsgsRs></QBXML>")]
    [InlineData("")]
    public void Hostile_or_malformed_documents_are_refused_with_a_format_error(string xml)
    {
        var act = () => ReadAll(xml);
        act.Should().Throw<QbResponseFormatException>();
    }

    [Fact]
    public void Random_bytes_only_ever_raise_the_format_error()
    {
        var valid = Encoding.UTF8.GetBytes(TwoResponses);
        var gen = Gen.Frequency(
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
            (2, Gen.Two(Gen.Choose(0, valid.Length - 1)).SelectMany(p => Gen.Choose(0, 255).Select(b =>
            {
                var copy = (byte[])valid.Clone();
                copy[p.Item1] = (byte)b;
                return copy[..Math.Max(p.Item1, p.Item2)];
            }))));
        Prop.ForAll(Arb.From(gen), bytes =>
        {
            try
            {
                using var reader = QbResponseReader.Create(new MemoryStream(bytes));
                while (reader.NextResponse() is not null)
                {
                    _ = reader.ReadRecords().Count();
                }

                return true;
            }
            catch (QbResponseFormatException)
            {
                return true;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    internal static string Response(string element, IEnumerable<QbRecord> records)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var w = XmlWriter.Create(text, QbRecordXml.WriterSettings(omitXmlDeclaration: false)))
        {
            w.WriteStartElement("QBXML");
            w.WriteStartElement("QBXMLMsgsRs");
            w.WriteStartElement(element);
            w.WriteAttributeString("statusCode", "0");
            w.WriteAttributeString("statusSeverity", "Info");
            foreach (var r in records)
            {
                QbRecordXml.WriteRet(w, r);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        return text.ToString();
    }

    private static int ReadAll(string xml, QbResponseReaderOptions? options = null)
    {
        using var reader = QbResponseReader.Create(xml, options);
        var count = 0;
        while (reader.NextResponse() is not null)
        {
            count += reader.ReadRecords().Count();
        }

        return count;
    }
}
