using FsCheck;
using FsCheck.Fluent;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Records;

public class QbRecordXmlTests
{
    internal const string InvoiceXml =
        "<InvoiceRet><TxnID>1A2-1446676743</TxnID><TimeCreated>2015-11-04T15:19:03-08:00</TimeCreated>" +
        "<TimeModified>2015-11-05T09:00:00-08:00</TimeModified><EditSequence>1446742800</EditSequence>" +
        "<TxnNumber>17</TxnNumber><CustomerRef><ListID>80000003-1446676743</ListID><FullName>Ada &amp; Co &lt;Ltd&gt;</FullName></CustomerRef>" +
        "<BillAddress><Addr1>1 Main St</Addr1><Addr2>   </Addr2><City>Zürich 😀</City></BillAddress>" +
        "<Memo>line one&#xD;\nline two\ttab</Memo><Other></Other>" +
        "<InvoiceLineRet><TxnLineID>1</TxnLineID><Desc>]]&gt; x</Desc><Amount>10.00</Amount></InvoiceLineRet>" +
        "<InvoiceLineGroupRet><TxnLineID>2</TxnLineID></InvoiceLineGroupRet>" +
        "<InvoiceLineRet><TxnLineID>3</TxnLineID><Amount>5.00</Amount></InvoiceLineRet>" +
        "<FutureElement kind=\"new\">kept</FutureElement></InvoiceRet>";

    [Fact]
    public void Ret_element_reads_into_fields_in_document_order()
    {
        var record = QbRecordXml.FromXml(InvoiceXml, "invoices");

        record.RetElement.Should().Be("InvoiceRet");
        record.Id.Should().Be("1A2-1446676743");
        record.EditSequence.Should().Be("1446742800");
        record.TimeCreated.Should().Be("2015-11-04T15:19:03-08:00");
        record.TimeModifiedValue.Should().Be(new DateTimeOffset(2015, 11, 5, 9, 0, 0, TimeSpan.FromHours(-8)));
        record.ValueAt("CustomerRef", "FullName").Should().Be("Ada & Co <Ltd>");
        record.ValueAt("BillAddress", "Addr2").Should().Be("   ");
        record.ValueAt("BillAddress", "City").Should().Be("Zürich 😀");
        record.ValueAt("Memo").Should().Be("line one\r\nline two\ttab");
        record.ValueAt("Other").Should().Be(string.Empty);
        record.Fields.Select(f => f.Name).Should().ContainInOrder("InvoiceLineRet", "InvoiceLineGroupRet", "InvoiceLineRet");
        record.Root.ChildrenNamed("InvoiceLineRet").Should().HaveCount(2);
        record.Field("FutureElement")!.Attributes.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("kind", "new"));
    }

    [Fact]
    public void Xml_to_record_to_json_to_record_to_xml_is_identity()
    {
        var record = QbRecordXml.FromXml(InvoiceXml, "invoices");
        var json = QbRecordJson.Serialize(record);
        var back = QbRecordJson.Deserialize(json);

        back.Should().Be(record);
        QbRecordXml.ToXml(back).Should().Be(InvoiceXml);
    }

    [Fact]
    public void Deeply_nested_elements_are_refused_without_exhausting_the_stack()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000));
        var act = () => QbRecordXml.FromXml(xml, "things");
        act.Should().Throw<QbRecordFormatException>().WithMessage("*nested*");
    }

    [Fact]
    public void Mixed_text_and_elements_are_refused()
    {
        var act = () => QbRecordXml.FromXml("<CustomerRet>text<Name>x</Name></CustomerRet>", "customers");
        act.Should().Throw<QbRecordFormatException>();
    }

    [Fact]
    public void Any_record_survives_xml_and_json_round_trips()
    {
        Prop.ForAll(QbRecordGen.RecordArb, record =>
        {
            var viaXml = QbRecordXml.FromXml(QbRecordXml.ToXml(record), record.DataType);
            var viaJson = QbRecordJson.Deserialize(QbRecordJson.Serialize(record));
            return viaXml.Equals(record) && viaJson.Equals(record)
                   && QbRecordXml.ToXml(viaJson) == QbRecordXml.ToXml(record);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
