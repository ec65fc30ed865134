using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;
using static QbConnector.QbGateway.Tests.Sessions.QbXmlTestMessages;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>Where the contract tests run: two company files and a way to make sessions.</summary>
public interface IQbSessionContractFixture
{
    /// <summary>
    /// A company file with at least a few dozen customers (some inactive), invoices with lines, and deletes in the
    /// last 90 days (<see cref="ContractCompanyData.Prepare"/> makes any company file so).
    /// </summary>
    string CompanyFilePath { get; }

    /// <summary>A second company file, for switching files.</summary>
    string OtherCompanyFilePath { get; }

    IQbSession CreateSession();
}

/// <summary>
/// The behaviour of an <see cref="IQbSession"/> that the connector relies on, written once and run against
/// every implementation: the sandbox here, the COM request processor on a Windows machine with QuickBooks.
/// Nothing here needs control over QuickBooks itself (its state, a person's edits): tests that do live with
/// the implementation that offers it, so every test here runs everywhere.
/// </summary>
public abstract class QbSessionContractTests
{
    protected const string AppId = "contract-tests";
    protected const string AppName = "Contract tests";

    protected abstract IQbSessionContractFixture Fixture { get; }

    [Fact]
    public void OpenConnection_twice_fails()
    {
        using var session = Fixture.CreateSession();
        session.OpenConnection(AppId, AppName);

        AssertSdkError(() => session.OpenConnection(AppId, AppName), 0x80040412);
    }

    [Fact]
    public void Only_one_session_at_a_time_and_switching_files_needs_EndSession()
    {
        using var session = Connect();
        var ticket = session.BeginSession(Fixture.CompanyFilePath, QbFileMode.DoNotCare);

        AssertSdkError(() => session.BeginSession(Fixture.OtherCompanyFilePath, QbFileMode.DoNotCare), 0x80040411);
        session.GetCurrentCompanyFileName(ticket).Should().Be(Fixture.CompanyFilePath);
        session.QbXmlVersionsForSession(ticket).Should().Contain("13.0");

        session.EndSession(ticket);
        var other = session.BeginSession(Fixture.OtherCompanyFilePath, QbFileMode.DoNotCare);
        session.GetCurrentCompanyFileName(other).Should().Be(Fixture.OtherCompanyFilePath);
        AssertSdkError(() => session.ProcessRequest(ticket, Request(Rq("HostQueryRq"))), 0x8004040D);
    }

    [Fact]
    public void Host_and_company_reveal_the_region()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var responses = Responses(session.ProcessRequest(ticket, Request(Rq("HostQueryRq", new XAttribute("requestID", "1")), Rq("CompanyQueryRq", new XAttribute("requestID", "2")))));

        responses.Should().HaveCount(2);
        var host = responses[0].Element("HostRet")!;
        host.Element("ProductName")!.Value.Should().StartWith("QuickBooks");
        host.Element("Country")!.Value.Should().BeOneOf("US", "CA", "UK");
        host.Elements("SupportedQBXMLVersion").Select(e => e.Value).Should().Contain("13.0");
        responses[1].Element("CompanyRet")!.Element("CompanyName")!.Value.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Iterator_pages_through_every_record_once()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var all = Query(session, ticket, Rq("CustomerQueryRq", El("ActiveStatus", "All"))).Elements("CustomerRet").Select(Id).ToList();

        var seen = new List<string>();
        var first = Query(session, ticket, Rq("CustomerQueryRq", new XAttribute("iterator", "Start"), El("MaxReturned", 7), El("ActiveStatus", "All")));
        var iteratorId = (string)first.Attribute("iteratorID")!;
        var remaining = (int)first.Attribute("iteratorRemainingCount")!;
        seen.AddRange(first.Elements("CustomerRet").Select(Id));
        first.Elements("CustomerRet").Should().HaveCount(7);
        remaining.Should().Be(all.Count - 7);
        while (remaining > 0)
        {
            var page = Query(session, ticket, Rq("CustomerQueryRq", new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", iteratorId), El("MaxReturned", 7), El("ActiveStatus", "All")));
            var ids = page.Elements("CustomerRet").Select(Id).ToList();
            ((int)page.Attribute("retCount")!).Should().Be(ids.Count);
            ((int)page.Attribute("iteratorRemainingCount")!).Should().Be(remaining - ids.Count);
            remaining -= ids.Count;
            seen.AddRange(ids);
        }

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(all);
    }

    [Fact]
    public void Iterators_die_with_their_session_and_unknown_ids_get_3391()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var first = Query(session, ticket, Rq("InvoiceQueryRq", new XAttribute("iterator", "Start"), El("MaxReturned", 2)));
        var iteratorId = (string)first.Attribute("iteratorID")!;
        ((int)first.Attribute("iteratorRemainingCount")!).Should().BePositive();

        session.EndSession(ticket);
        var next = session.BeginSession(Fixture.CompanyFilePath, QbFileMode.DoNotCare);
        var page = Query(session, next, Rq("InvoiceQueryRq", new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", iteratorId), El("MaxReturned", 2)));
        Status(page).Should().Be(3391);
        var unknown = Query(session, next, Rq("InvoiceQueryRq", new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", "{00000000-0000-0000-0000-000000000000}"), El("MaxReturned", 2)));
        Status(unknown).Should().Be(3391);
        ((string)unknown.Attribute("statusSeverity")!).Should().Be("Error");
    }

    [Fact]
    public void Modified_date_bounds_are_inclusive_for_lists_and_transactions()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var customer = Query(session, ticket, Rq("CustomerQueryRq", El("MaxReturned", 1))).Element("CustomerRet")!;
        var modified = customer.Element("TimeModified")!.Value;
        var lists = Query(session, ticket, Rq("CustomerQueryRq", El("FromModifiedDate", modified), El("ToModifiedDate", modified)));
        lists.Elements("CustomerRet").Select(Id).Should().Contain(Id(customer));

        var invoice = Query(session, ticket, Rq("InvoiceQueryRq", El("MaxReturned", 1))).Element("InvoiceRet")!;
        var txnModified = invoice.Element("TimeModified")!.Value;
        var txns = Query(session, ticket, Rq("InvoiceQueryRq", new XElement("ModifiedDateRangeFilter", El("FromModifiedDate", txnModified), El("ToModifiedDate", txnModified))));
        txns.Elements("InvoiceRet").Select(e => e.Element("TxnID")!.Value).Should().Contain(invoice.Element("TxnID")!.Value);

        var after = DateTimeOffset.Parse(txnModified, CultureInfo.InvariantCulture).AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var later = Query(session, ticket, Rq("InvoiceQueryRq", new XElement("ModifiedDateRangeFilter", El("FromModifiedDate", after), El("ToModifiedDate", after))));
        later.Elements("InvoiceRet").Select(e => e.Element("TxnID")!.Value).Should().NotContain(invoice.Element("TxnID")!.Value);
    }

    [Fact]
    public void Date_filters_reject_bad_dates_and_reversed_ranges()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        Status(Query(session, ticket, Rq("CustomerQueryRq", El("FromModifiedDate", "2024-13-45")))).Should().Be(3020);
        Status(Query(session, ticket, Rq("CustomerQueryRq", El("FromModifiedDate", "2024-05-01"), El("ToModifiedDate", "2024-04-01")))).Should().Be(3030);
        Status(Query(session, ticket, Rq("InvoiceQueryRq", new XElement("ModifiedDateRangeFilter", El("FromModifiedDate", "2024-05-01T00:00:00"), El("ToModifiedDate", "2024-04-01T00:00:00"))))).Should().Be(3030);
    }

    [Fact]
    public void ActiveStatus_defaults_to_active_only()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var byDefault = Query(session, ticket, Rq("CustomerQueryRq")).Elements("CustomerRet").ToList();
        var all = Query(session, ticket, Rq("CustomerQueryRq", El("ActiveStatus", "All"))).Elements("CustomerRet").ToList();

        byDefault.Should().OnlyContain(c => c.Element("IsActive")!.Value == "true");
        all.Should().Contain(c => c.Element("IsActive")!.Value == "false");
        all.Count.Should().BeGreaterThan(byDefault.Count);
    }

    [Fact]
    public void IncludeLineItems_defaults_to_false()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var without = Query(session, ticket, Rq("InvoiceQueryRq", El("MaxReturned", 5))).Elements("InvoiceRet").ToList();
        var with = Query(session, ticket, Rq("InvoiceQueryRq", El("MaxReturned", 5), El("IncludeLineItems", "true"))).Elements("InvoiceRet").ToList();

        without.Should().NotBeEmpty().And.OnlyContain(i => !i.Elements("InvoiceLineRet").Any());
        with.Should().OnlyContain(i => i.Elements("InvoiceLineRet").Any());
    }

    [Fact]
    public void IncludeRetElement_limits_the_Ret_and_ignores_unknown_names()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var response = Query(session, ticket, Rq("CustomerQueryRq", El("MaxReturned", 3), El("IncludeRetElement", "ListID"), El("IncludeRetElement", "EditSequence"), El("IncludeRetElement", "NoSuchElement")));

        Status(response).Should().Be(0);
        response.Elements("CustomerRet").Should().HaveCount(3)
            .And.OnlyContain(c => c.Elements().Select(e => e.Name.LocalName).SequenceEqual(new[] { "ListID", "EditSequence" }));
    }

    [Fact]
    public void IncludeRetElement_naming_every_element_gives_the_whole_Ret()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var whole = Query(session, ticket, Rq("InvoiceQueryRq", El("MaxReturned", 10), El("IncludeLineItems", "true"))).Elements("InvoiceRet").ToList();
        var names = whole.SelectMany(i => i.Elements()).Select(e => e.Name.LocalName).Distinct().ToList();

        var request = Rq("InvoiceQueryRq", El("MaxReturned", 10), El("IncludeLineItems", "true"));
        request.Add(names.Select(n => El("IncludeRetElement", n)));
        var named = Query(session, ticket, request).Elements("InvoiceRet").ToList();

        whole.Should().HaveCount(10);
        names.Should().Contain(["TxnID", "CustomerRef", "InvoiceLineRet"]);
        named.Select(i => i.ToString(SaveOptions.DisableFormatting)).Should().Equal(whole.Select(i => i.ToString(SaveOptions.DisableFormatting)));
    }

    [Fact]
    public void Result_order_is_not_the_modification_order()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var times = Query(session, ticket, Rq("InvoiceQueryRq")).Elements("InvoiceRet")
            .Select(i => DateTimeOffset.Parse(i.Element("TimeModified")!.Value, CultureInfo.InvariantCulture)).ToList();

        times.Count.Should().BeGreaterThan(20);
        times.Should().NotBeInAscendingOrder().And.NotBeInDescendingOrder();
    }

    [Fact]
    public void A_query_that_matches_nothing_is_status_1_info()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var response = Query(session, ticket, Rq("CustomerQueryRq", new XElement("NameFilter", El("MatchCriterion", "StartsWith"), El("Name", "zzzz-no-such-customer"))));

        Status(response).Should().Be(1);
        ((string)response.Attribute("statusSeverity")!).Should().Be("Info");
    }

    [Fact]
    public void Elements_out_of_schema_order_fail_the_whole_request_with_no_response()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        AssertSdkError(() => session.ProcessRequest(ticket, Request(Rq("CustomerQueryRq", El("ActiveStatus", "All"), El("MaxReturned", 5)))), 0x80040400);
        AssertSdkError(() => session.ProcessRequest(ticket, Request(Rq("CustomerQueryRq", El("NoSuchElement", "x")))), 0x80040400);
        AssertSdkError(() => session.ProcessRequest(ticket, "<QBXML><QBXMLMsgsRq onError=\"stopOnError\">"), 0x80040400);
        AssertSdkError(() => session.ProcessRequest(ticket, Request(Rq("CustomerQueryRq", El("ActiveStatus", "Sometimes")))), 0x80040400);
    }

    [Fact]
    public void RollbackOnError_is_rejected()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        AssertSdkError(() => session.ProcessRequest(ticket, Request("rollbackOnError", Rq("HostQueryRq"))), 0x80040413);
    }

    [Fact]
    public void A_requestID_longer_than_50_characters_is_status_1060()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var response = Single(session.ProcessRequest(ticket, Request(Rq("HostQueryRq", new XAttribute("requestID", new string('r', 51))))));

        Status(response).Should().Be(1060);
    }

    [Fact]
    public void StopOnError_stops_at_the_first_error_and_continueOnError_does_not()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        XElement[] requests =
        [
            Rq("CustomerQueryRq", new XAttribute("requestID", "1"), El("MaxReturned", 1)),
            Rq("CustomerQueryRq", new XAttribute("requestID", "2"), El("FromModifiedDate", "not-a-date")),
            Rq("HostQueryRq", new XAttribute("requestID", "3")),
        ];

        var stopped = Responses(session.ProcessRequest(ticket, Request("stopOnError", requests)));
        var continued = Responses(session.ProcessRequest(ticket, Request("continueOnError", requests)));

        stopped.Select(r => (string)r.Attribute("requestID")!).Should().Equal("1", "2");
        Status(stopped[1]).Should().Be(3020);
        continued.Select(r => (string)r.Attribute("requestID")!).Should().Equal("1", "2", "3");
        Status(continued[2]).Should().Be(0);
    }

    [Fact]
    public void Deleted_queries_report_only_the_last_90_days()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var lists = Query(session, ticket, Rq("ListDeletedQueryRq", El("ListDelType", "Customer"), El("ListDelType", "Vendor"), El("ListDelType", "ItemService"), El("ListDelType", "Class")));
        var txns = Query(session, ticket, Rq("TxnDeletedQueryRq", El("TxnDelType", "Invoice"), El("TxnDelType", "Bill"), El("TxnDelType", "Check"), El("TxnDelType", "JournalEntry"), El("TxnDelType", "SalesReceipt")));

        var deletedTimes = lists.Elements("ListDeletedRet").Concat(txns.Elements("TxnDeletedRet"))
            .Select(r => DateTimeOffset.Parse(r.Element("TimeDeleted")!.Value, CultureInfo.InvariantCulture)).ToList();
        deletedTimes.Should().NotBeEmpty();
        var newest = deletedTimes.Max();
        deletedTimes.Should().OnlyContain(t => t > newest.AddDays(-91));
    }

    [Fact]
    public void Adds_return_new_ids_and_the_ExternalGUID_and_names_are_unique_across_entity_lists()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var guid = "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}";
        var name = UniqueName("Contract Test Customer");

        var added = Single(session.ProcessRequest(ticket, Request(Rq("CustomerAddRq", new XElement("CustomerAdd", El("Name", name), El("CompanyName", "Contract Test Co"), El("ExternalGUID", guid))))));
        Status(added).Should().Be(0);
        var ret = added.Element("CustomerRet")!;
        Id(ret).Should().MatchRegex("^[0-9A-F]+-[0-9]+$");
        ret.Element("ExternalGUID")!.Value.Should().Be(guid);
        ret.Element("FullName")!.Value.Should().Be(name);

        var duplicate = Single(session.ProcessRequest(ticket, Request(Rq("VendorAddRq", new XElement("VendorAdd", El("Name", name.ToLowerInvariant()))))));
        Status(duplicate).Should().Be(3100);
        var found = Query(session, ticket, Rq("CustomerQueryRq", El("FullName", name)));
        found.Elements("CustomerRet").Select(Id).Should().Equal(Id(ret));
    }

    [Fact]
    public void A_Mod_with_a_stale_EditSequence_gets_3200_and_a_fresh_one_changes_it()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var customer = Query(session, ticket, Rq("CustomerQueryRq", El("MaxReturned", 1))).Element("CustomerRet")!;
        var id = Id(customer);
        var editSequence = customer.Element("EditSequence")!.Value;
        var phone = "555-" + Random.Shared.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);

        var modified = Single(session.ProcessRequest(ticket, Request(Rq("CustomerModRq", new XElement("CustomerMod", El("ListID", id), El("EditSequence", editSequence), El("Phone", phone))))));
        Status(modified).Should().Be(0);
        var newSequence = modified.Element("CustomerRet")!.Element("EditSequence")!.Value;
        newSequence.Should().NotBe(editSequence);
        modified.Element("CustomerRet")!.Element("Phone")!.Value.Should().Be(phone);

        var stale = Single(session.ProcessRequest(ticket, Request(Rq("CustomerModRq", new XElement("CustomerMod", El("ListID", id), El("EditSequence", editSequence), El("Phone", "555-0199"))))));
        Status(stale).Should().Be(3200);
    }

    [Fact]
    public void A_reference_to_a_missing_record_is_status_3140()
    {
        var (session, ticket) = Begin();
        using var _ = session;

        var response = Single(session.ProcessRequest(ticket, Request(Rq("InvoiceAddRq", new XElement("InvoiceAdd", Ref("CustomerRef", "No Such Customer 123"),
            new XElement("InvoiceLineAdd", Ref("ItemRef", "No Such Item"), El("Amount", "10.00")))))));

        Status(response).Should().Be(3140);
    }

    [Fact]
    public void Error_recovery_returns_the_stored_outcome_of_a_message_set_and_clears_it()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var setId = Guid.NewGuid().ToString("N")[..20];

        var nothing = session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("oldMessageSetID", setId), new XAttribute("newMessageSetID", setId))));
        MessageSetStatus(nothing).Should().Be(9002);

        var original = session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("newMessageSetID", setId),
            Rq("CustomerAddRq", new XAttribute("requestID", "push-1"), new XElement("CustomerAdd", El("Name", UniqueName("Recovered Customer")))))));
        var addedId = Id(Single(original).Element("CustomerRet")!);

        var recovered = session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("oldMessageSetID", setId), new XAttribute("newMessageSetID", setId))));
        Id(Single(recovered).Element("CustomerRet")!).Should().Be(addedId);

        var otherId = session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("oldMessageSetID", "other-id"), new XAttribute("newMessageSetID", "other-id"))));
        MessageSetStatus(otherId).Should().Be(600);

        session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("oldMessageSetID", setId))));
        var cleared = session.ProcessRequest(ticket, Document(new XElement("QBXMLMsgsRq", new XAttribute("onError", "stopOnError"), new XAttribute("oldMessageSetID", setId), new XAttribute("newMessageSetID", setId))));
        MessageSetStatus(cleared).Should().Be(9002);
    }

    protected IQbSession Connect()
    {
        var session = Fixture.CreateSession();
        session.OpenConnection(AppId, AppName);
        return session;
    }

    protected (IQbSession Session, QbTicket Ticket) Begin()
    {
        var session = Connect();
        return (session, session.BeginSession(Fixture.CompanyFilePath, QbFileMode.DoNotCare));
    }

    /// <summary>A name no earlier run has used: a real company file keeps what every run added.</summary>
    protected static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    protected static XElement Query(IQbSession session, QbTicket ticket, XElement request) => Single(session.ProcessRequest(ticket, Request(request)));

    protected static string Id(XElement ret) => (ret.Element("ListID") ?? ret.Element("TxnID"))!.Value;

    protected static int MessageSetStatus(string responseXml) =>
        (int)XDocument.Parse(responseXml).Root!.Element("QBXMLMsgsRs")!.Attribute("messageSetStatusCode")!;

    protected static void AssertSdkError(Action action, uint hresult)
    {
        var error = action.Should().Throw<QbSdkException>().Which;
        error.HResultHex.Should().Be($"0x{hresult:X8}");
        error.Message.Should().NotBeNullOrWhiteSpace();
    }
}
