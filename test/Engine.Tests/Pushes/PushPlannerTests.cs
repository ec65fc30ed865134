using System.Text;
using System.Text.Json;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Pushes;
using QbConnector.QbGateway.Tests.Qbxml;

namespace QbConnector.Engine.Tests.Pushes;

public sealed class PushPlannerTests
{
    private const string PushId = "3f2c9a1e-5b7d-4c1f-9e2a-0b1c2d3e4f50";

    [Fact]
    public void An_add_carries_the_push_message_set_id_and_an_external_guid_and_validates_against_the_schema()
    {
        var plan = Plan(new PushOrder(PushId, "customers", PushAction.Add, """{"Name":"Acme Ltd","BillAddress":{"City":"Leeds","Addr1":"1 Road"},"CompanyName":"Acme"}""")).Plan!;

        var document = Load(plan.RequestXml);
        var set = document.SelectSingleNode("/QBXML/QBXMLMsgsRq")!;
        set.Attributes!["newMessageSetID"]!.Value.Should().Be(PushIds.MessageSetId(PushId)).And.HaveLength(23);
        set.Attributes["oldMessageSetID"].Should().BeNull();
        document.SelectSingleNode("//CustomerAdd/ExternalGUID")!.InnerText.Should().Be("{" + PushId.ToUpperInvariant() + "}");
        document.SelectSingleNode("//CustomerAdd/BillAddress/Addr1")!.InnerText.Should().Be("1 Road", "fields are put in schema order");
        QbXmlSchema.ShouldBeValid(plan.RequestXml);
    }

    [Fact]
    public void A_mod_takes_its_id_and_edit_sequence_from_the_push_not_from_the_body()
    {
        var plan = Plan(new PushOrder("p-1", "vendors", PushAction.Mod, """{"ListID":"X-1","EditSequence":"1","Name":"Renamed"}""", "80000001-1700000000", "1700000005")).Plan!;

        var document = Load(plan.RequestXml);
        document.SelectSingleNode("//VendorMod/ListID")!.InnerText.Should().Be("80000001-1700000000");
        document.SelectSingleNode("//VendorMod/EditSequence")!.InnerText.Should().Be("1700000005");
        document.SelectSingleNode("//VendorMod/ExternalGUID").Should().BeNull("ExternalGUID can be set on Adds only");
        QbXmlSchema.ShouldBeValid(plan.RequestXml);
    }

    [Fact]
    public void A_whole_record_in_the_connectors_json_form_is_accepted_too()
    {
        var preparation = Plan(new PushOrder(PushId, "customers", PushAction.Add, """{"dataType":"customers","retElement":"CustomerRet","fields":{"Name":"From a record","TimeCreated":"2024-01-01T00:00:00Z"}}"""));

        preparation.Problems.Should().BeEmpty();
        Load(preparation.Plan!.RequestXml).SelectSingleNode("//CustomerAdd/Name")!.InnerText.Should().Be("From a record");
    }

    [Fact]
    public void Camel_case_field_names_of_the_platform_spell_the_same_fields()
    {
        var plan = Plan(new PushOrder(PushId, "customers", PushAction.Add, """{"name":"Camel","billAddress":{"city":"Leeds"},"companyName":"Camel Ltd"}""")).Plan!;

        var add = Load(plan.RequestXml).SelectSingleNode("//CustomerAdd")!;
        add["Name"]!.InnerText.Should().Be("Camel");
        add["BillAddress"]!["City"]!.InnerText.Should().Be("Leeds");
        add["CompanyName"]!.InnerText.Should().Be("Camel Ltd");
    }

    [Theory]
    [InlineData("customers", PushAction.Add, """{"CompanyName":"No name"}""", "CustomerAdd/Name: is required")]
    [InlineData("customers", PushAction.Add, """{"Name":"123456789012345678901234567890123456789012"}""", "CustomerAdd/Name: is 42 characters long; at most 41 are allowed")]
    [InlineData("customers", PushAction.Add, """{"Name":"A","Colour":"red"}""", "CustomerAdd: has no field 'Colour'")]
    [InlineData("invoices", PushAction.Add, """{"InvoiceLineAdd":{"ItemRef":{"FullName":"Widget"},"Amount":"10.00"}}""", "InvoiceAdd/CustomerRef: is required")]
    [InlineData("invoices", PushAction.Add, """{"CustomerRef":{},"InvoiceLineAdd":{"ItemRef":{"FullName":"Widget"}}}""", "InvoiceAdd/CustomerRef: a reference needs its ListID or FullName")]
    [InlineData("bills", PushAction.Add, """{"VendorRef":{"FullName":"V"},"ExpenseLineAdd":{"AccountRef":{"FullName":"Rent"},"Amount":"ten"}}""", "BillAdd/ExpenseLineAdd[1]/Amount: must be an amount")]
    [InlineData("accounts", PushAction.Add, """{"Name":"Cash"}""", "dataType: accounts records cannot be created by a push")]
    [InlineData("invoices", PushAction.Mod, """{"Memo":"x"}""", "dataType: invoices records cannot be updated by a push")]
    [InlineData("unicorns", PushAction.Add, """{"Name":"x"}""", "dataType: the connector does not know the data type 'unicorns'")]
    [InlineData("customers", PushAction.Add, """["not an object"]""", "record: ")]
    [InlineData("customers", PushAction.Add, """{"Name":"x",""", "record: is not valid JSON")]
    public void An_invalid_push_is_refused_with_the_field_named(string dataType, PushAction action, string json, string expected)
    {
        var preparation = Plan(new PushOrder(PushId, dataType, action, json, action == PushAction.Mod ? "80000001-1" : null, action == PushAction.Mod ? "1" : null));

        preparation.IsValid.Should().BeFalse();
        preparation.Problems.Should().Contain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_mod_needs_the_record_id_and_the_edit_sequence()
    {
        var preparation = Plan(new PushOrder(PushId, "customers", PushAction.Mod, """{"Name":"x"}"""));

        preparation.Problems.Should().Contain(p => p.StartsWith("recordId:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("editSequence:", StringComparison.Ordinal));
    }

    [Fact]
    public void References_to_customers_vendors_accounts_and_items_are_collected_with_their_paths()
    {
        var plan = Plan(new PushOrder(PushId, "invoices", PushAction.Add, """
            {"CustomerRef":{"FullName":"Acme"},"ARAccountRef":{"ListID":"80000001-1"},"TermsRef":{"FullName":"Net 30"},
             "InvoiceLineAdd":[{"ItemRef":{"FullName":"Widget"},"Quantity":"1","Rate":"2"},{"ItemRef":{"ListID":"80000002-1"},"Quantity":"1","Rate":"2"}]}
            """)).Plan!;

        plan.References.Should().BeEquivalentTo(
        [
            new PushReference("InvoiceAdd/CustomerRef", "customers", null, "Acme"),
            new PushReference("InvoiceAdd/ARAccountRef", "accounts", "80000001-1", null),
            new PushReference("InvoiceAdd/InvoiceLineAdd[1]/ItemRef", "items", null, "Widget"),
            new PushReference("InvoiceAdd/InvoiceLineAdd[2]/ItemRef", "items", "80000002-1", null),
        ]);
    }

    [Fact]
    public void The_reference_lookup_asks_for_each_reference_by_id_or_name_in_one_valid_document()
    {
        var references = new[]
        {
            new PushReference("InvoiceAdd/CustomerRef", "customers", null, "Acme <&> \"Ltd\""),
            new PushReference("BillAdd/VendorRef", "vendors", "80000005-1", null),
            new PushReference("BillAdd/ExpenseLineAdd[1]/AccountRef", "accounts", null, "Rent"),
            new PushReference("InvoiceAdd/InvoiceLineAdd[1]/ItemRef", "items", "80000002-1", "Ignored when the id is given"),
        };

        var xml = PushReferenceCheck.Request(references)!;

        QbXmlSchema.ShouldBeValid(xml);
        var set = Load(xml).SelectSingleNode("/QBXML/QBXMLMsgsRq")!;
        set.Attributes!["onError"]!.Value.Should().Be("continueOnError");
        set.Attributes["newMessageSetID"].Should().BeNull("a lookup must never replace the push's stored outcome");
        set.ChildNodes.Cast<XmlNode>().Select(n => n.Name).Should().Equal("CustomerQueryRq", "VendorQueryRq", "AccountQueryRq", "ItemQueryRq");
        set.ChildNodes[0]!["FullName"]!.InnerText.Should().Be("Acme <&> \"Ltd\"");
        set.ChildNodes[3]!["ListID"]!.InnerText.Should().Be("80000002-1");
        PushReferenceCheck.Request([]).Should().BeNull();
    }

    [Fact]
    public void A_ten_megabyte_string_is_refused_on_arrival_and_by_its_field_length()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["Name"] = "Big", ["Notes"] = huge });

        var (kept, refusal) = PushPlanner.Receive(Encoding.UTF8.GetBytes(json));
        kept.Should().BeEmpty("the record is not kept");
        refusal.Should().StartWith("record: is 10485").And.Contain("at most 1048576");
        Plan(new PushOrder(PushId, "customers", PushAction.Add, kept, Refusal: refusal)).Problems.Should().Contain(refusal);

        // Even below the size limit, a field longer than QuickBooks allows is refused by name.
        var notes = JsonSerializer.Serialize(new Dictionary<string, string> { ["Name"] = "Big", ["Notes"] = new string('x', 5000) });
        Plan(new PushOrder(PushId, "customers", PushAction.Add, notes)).Problems.Should().ContainSingle().Which.Should().Be("CustomerAdd/Notes: is 5000 characters long; at most 4095 are allowed");
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_rather_than_repaired()
    {
        var (_, refusal) = PushPlanner.Receive([(byte)'{', 0xC3, 0x28, (byte)'}']);

        refusal.Should().Be("record: is not valid UTF-8 text");
    }

    [Theory]
    [InlineData("</Name><IsActive>false</IsActive><Name>")]
    [InlineData("]]><!-- x -->")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("\"quoted\" & 'single' &amp; &lt;")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void Markup_in_a_value_is_carried_literally(string hostile)
    {
        var plan = Plan(new PushOrder(PushId, "customers", PushAction.Add, JsonSerializer.Serialize(new Dictionary<string, string> { ["Name"] = hostile[..Math.Min(41, hostile.Length)], ["Notes"] = hostile }))).Plan!;

        var add = Load(plan.RequestXml).SelectSingleNode("//CustomerAdd")!;
        add.ChildNodes.Cast<XmlNode>().Select(n => n.Name).Should().Equal("Name", "Notes", "ExternalGUID");
        add["Notes"]!.InnerText.Should().Be(hostile);
        QbXmlSchema.ShouldBeValid(plan.RequestXml);
    }

    [Theory]
    [InlineData(0x0001)]
    [InlineData(0x0000)]
    [InlineData(0x001F)]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    public void A_character_xml_cannot_carry_is_refused_with_the_field_named(int code)
    {
        // Written by hand: a serializer would replace a lone surrogate before the connector saw it.
        var json = "{\"Name\":\"ok\",\"Notes\":\"a\\u" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "b\"}";
        var preparation = Plan(new PushOrder(PushId, "customers", PushAction.Add, json));

        preparation.IsValid.Should().BeFalse();
        preparation.Problems.Should().Contain(p => p.StartsWith("CustomerAdd/Notes: ", StringComparison.Ordinal) || p.StartsWith("record: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_value_is_either_refused_or_carried_literally_and_never_changes_the_document_shape()
    {
        var hostileChars = Gen.Elements('<', '>', '&', '"', '\'', ']', '[', '!', '-', '?', '/', '\u0001', '\u001F', '\uFFFE', '\t', '\r', '\n', 'a', 'Z', '\u00E9', '\uD83D');
        var values = Gen.ArrayOf(hostileChars).Select(cs => new string(cs));
        Prop.ForAll(Arb.From(values), value =>
        {
            var json = $"{{\"Name\":\"Fixed\",\"Notes\":{Escaped(value)},\"Phone\":{Escaped(value.Length > 21 ? value[..21] : value)}}}";
            if (value.Length == 0)
            {
                return true;
            }

            var preparation = Plan(new PushOrder(PushId, "customers", PushAction.Add, json));
            if (!preparation.IsValid)
            {
                return preparation.Problems.Any(p => p.StartsWith("CustomerAdd/Notes: ", StringComparison.Ordinal) || p.StartsWith("CustomerAdd/Phone: ", StringComparison.Ordinal) || p.StartsWith("record: ", StringComparison.Ordinal));
            }

            var add = Load(preparation.Plan!.RequestXml).SelectSingleNode("//CustomerAdd")!;
            var names = add.ChildNodes.Cast<XmlNode>().Select(n => n.Name).ToList();
            var phone = value.Length > 21 ? value[..21] : value;
            return names.SequenceEqual(["Name", "Phone", "Notes", "ExternalGUID"])
                && add["Notes"]!.InnerText == value
                && add["Phone"]!.InnerText == phone;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Message_set_ids_fit_quickbooks_and_are_stable_and_distinct()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid().ToString("D")).ToList();
        var messageSetIds = ids.Select(PushIds.MessageSetId).ToList();

        messageSetIds.Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.Length <= PushIds.MaxMessageSetIdLength);
        ids.Select(PushIds.MessageSetId).Should().Equal(messageSetIds, "every attempt uses the same id");
        PushIds.MessageSetId("short-id_1").Should().Be("short-id_1");
        PushIds.MessageSetId(new string('x', 40)).Should().HaveLength(24).And.StartWith("h");
        PushIds.MessageSetId("with space").Should().StartWith("h");
        PushIds.ExternalGuid("not-a-guid").Should().Be(PushIds.ExternalGuid("not-a-guid")).And.NotBe(PushIds.ExternalGuid("not-a-guid2"));
    }

    /// <summary>A JSON string with every character escaped, so even a lone surrogate reaches the connector as it is.</summary>
    private static string Escaped(string value) =>
        "\"" + string.Concat(value.Select(c => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))) + "\"";

    private static PushPreparation Plan(PushOrder order) => PushPlanner.Prepare(order);

    private static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { XmlResolver = null, PreserveWhitespace = true };
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }
}
