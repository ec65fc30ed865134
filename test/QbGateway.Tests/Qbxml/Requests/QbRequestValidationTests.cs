using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Qbxml.Requests;

public class QbRequestValidationTests
{
    private static QbField Customer(params QbField[] fields) => QbField.Aggregate("fields", fields);

    [Fact]
    public void Fields_in_any_order_are_written_in_schema_order()
    {
        var request = QbWriteRequest.Add(QbCatalog.Customers, Customer(
            QbField.Leaf("Phone", "555"),
            QbField.Aggregate("BillAddress", QbField.Leaf("City", "Paris"), QbField.Leaf("Addr1", "1 rue")),
            QbField.Leaf("Name", "Ada </Name><Injected/>")));

        var xml = QbRequestWriter.Write(request);
        xml.Should().Contain("<CustomerAddRq><CustomerAdd><Name>Ada &lt;/Name&gt;&lt;Injected/&gt;</Name><BillAddress><Addr1>1 rue</Addr1><City>Paris</City></BillAddress><Phone>555</Phone></CustomerAdd></CustomerAddRq>");
        QbXmlSchema.ShouldBeValid(xml);
    }

    [Fact]
    public void External_guid_is_stamped_on_adds()
    {
        var guid = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        var xml = QbRequestWriter.Write(QbWriteRequest.Add(QbCatalog.Invoices, QbField.Aggregate("f", QbField.Aggregate("CustomerRef", QbField.Leaf("FullName", "Ada")))).WithExternalGuid(guid));
        xml.Should().Contain("<ExternalGUID>{6F9619FF-8B86-D011-B42D-00C04FC964FF}</ExternalGUID>");
        QbXmlSchema.ShouldBeValid(xml);
    }

    [Theory]
    [InlineData("missing", "CustomerAdd/Name: is required")]
    [InlineData("too long", "CustomerAdd/Name: is 42 characters long; at most 41 are allowed")]
    [InlineData("unknown", "has no field 'Nickname'")]
    [InlineData("control char", "contains U+0001 at position 3")]
    [InlineData("lone surrogate", "contains U+D800")]
    [InlineData("bad amount", "CustomerAdd/CreditLimit: must be an amount")]
    [InlineData("bad enum", "CustomerAdd/JobStatus: must be one of")]
    [InlineData("group as value", "CustomerAdd/BillAddress: must be a group of fields")]
    [InlineData("value as group", "CustomerAdd/Name: must be a value")]
    [InlineData("too many", "ShipToAddress: may occur at most 50 times")]
    [InlineData("empty ref", "CustomerAdd/TermsRef: a reference needs its ListID or FullName")]
    [InlineData("long id", "CustomerAdd/TermsRef/ListID: is 37 characters long")]
    public void Invalid_writes_are_refused_with_a_clear_error(string problem, string expected)
    {
        var fields = problem switch
        {
            "missing" => Customer(QbField.Leaf("Phone", "1")),
            "too long" => Customer(QbField.Leaf("Name", new string('x', 42))),
            "unknown" => Customer(QbField.Leaf("Name", "A"), QbField.Leaf("Nickname", "B")),
            "control char" => Customer(QbField.Leaf("Name", "Ada\u0001")),
            "lone surrogate" => Customer(QbField.Leaf("Name", "Ada\uD800")),
            "bad amount" => Customer(QbField.Leaf("Name", "A"), QbField.Leaf("CreditLimit", "12.345")),
            "bad enum" => Customer(QbField.Leaf("Name", "A"), QbField.Leaf("JobStatus", "Sleeping")),
            "group as value" => Customer(QbField.Leaf("Name", "A"), QbField.Leaf("BillAddress", "1 Main")),
            "value as group" => Customer(QbField.Aggregate("Name", QbField.Leaf("First", "A"))),
            "empty ref" => Customer(QbField.Leaf("Name", "A"), QbField.Aggregate("TermsRef")),
            "long id" => Customer(QbField.Leaf("Name", "A"), QbField.Aggregate("TermsRef", QbField.Leaf("ListID", new string('1', 37)))),
            _ => Customer([QbField.Leaf("Name", "A"), .. Enumerable.Range(0, 51).Select(i => QbField.Aggregate("ShipToAddress", QbField.Leaf("Name", "s" + i)))]),
        };

        var act = () => QbRequestWriter.Write(QbWriteRequest.Add(QbCatalog.Customers, fields));
        act.Should().Throw<QbRequestValidationException>().Which.Errors.Should().Contain(e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Mod_needs_its_id_and_edit_sequence()
    {
        var act = () => QbRequestWriter.Write(QbWriteRequest.Mod(QbCatalog.Vendors, QbField.Aggregate("f", QbField.Leaf("Name", "V"))));
        act.Should().Throw<QbRequestValidationException>().Which.Errors.Should().Contain(e => e.Contains("ListID: is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Illegal_characters_in_query_values_are_refused_not_dropped()
    {
        var act = () => QbRequestWriter.Write(new QbQueryRequest(QbCatalog.Customers) { Names = ["Ada\u0000Co"] });
        act.Should().Throw<QbRequestValidationException>().WithMessage("*U+0000*");
        var id = () => QbRequestWriter.Write(new QbHostQueryRequest { RequestId = "a\u001Fb" });
        id.Should().Throw<QbRequestValidationException>().WithMessage("*requestID*U+001F*");
    }

    [Theory]
    [InlineData("iterator on a list without one")]
    [InlineData("continue without id")]
    [InlineData("ids with filter")]
    [InlineData("request id too long")]
    [InlineData("reversed dates")]
    [InlineData("owner id on terms")]
    [InlineData("out of range date")]
    [InlineData("max returned zero")]
    public void Invalid_queries_are_refused(string problem)
    {
        QbRequest request = problem switch
        {
            "iterator on a list without one" => new QbQueryRequest(QbCatalog.Accounts) { Iterator = QbIterator.Start, MaxReturned = 10 },
            "continue without id" => new QbQueryRequest(QbCatalog.Invoices) { Iterator = QbIterator.Continue },
            "ids with filter" => new QbQueryRequest(QbCatalog.Customers) { Ids = ["1"], MaxReturned = 5 },
            "request id too long" => new QbHostQueryRequest { RequestId = new string('r', 51) },
            "reversed dates" => new QbQueryRequest(QbCatalog.Bills) { FromModifiedDate = DateTimeOffset.UnixEpoch.AddYears(40), ToModifiedDate = DateTimeOffset.UnixEpoch.AddYears(30) },
            "owner id on terms" => new QbQueryRequest(QbCatalog.Terms) { OwnerIds = ["0"] },
            "out of range date" => new QbQueryRequest(QbCatalog.Customers) { FromModifiedDate = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero) },
            _ => new QbQueryRequest(QbCatalog.Customers) { MaxReturned = 0 },
        };

        var act = () => QbRequestWriter.Write(request);
        act.Should().Throw<QbRequestValidationException>();
    }

    [Theory]
    [InlineData("16.1")]
    [InlineData("13")]
    [InlineData("x")]
    public void Versions_above_16_or_malformed_are_refused(string version)
    {
        var act = () => QbRequestWriter.Write(new QbHostQueryRequest(), version);
        act.Should().Throw<QbRequestValidationException>();
    }

    [Fact]
    public void Message_set_ids_are_limited_to_24_characters()
    {
        var act = () => QbRequestWriter.Write(QbMessageSet.Recover(new string('m', 25)));
        act.Should().Throw<QbRequestValidationException>();
    }
}
