using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Sessions;
using static QbConnector.QbGateway.Tests.Sessions.QbXmlTestMessages;

namespace QbConnector.QbGateway.Tests.Sandbox.Store;

/// <summary>Paging through a modified-date window, which the sandbox reads from an index holding the order key.</summary>
public sealed class CompanyStoreWindowTests : IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxTempDirectory _dir = new();
    private readonly string _file;

    public CompanyStoreWindowTests(SandboxCompanyTemplates templates) => _file = _dir.CopyOf(templates.CompanyFile);

    [Fact]
    public void A_window_pages_through_each_of_its_records_once_in_the_order_of_the_whole_query()
    {
        var (whole, paged, counts) = PageInvoiceWindow();

        paged.Should().Equal(whole);
        whole.Should().HaveCountGreaterThan(20);
        counts.Should().BeInDescendingOrder().And.EndWith(0);
    }

    [Fact]
    public void A_company_file_made_before_the_window_index_gets_it_when_opened()
    {
        using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString()))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "DROP INDEX ix_records_type_modified_order; CREATE INDEX ix_records_type_modified ON records(type, time_modified);";
            command.ExecuteNonQuery();
        }

        var (whole, paged, _) = PageInvoiceWindow();

        paged.Should().Equal(whole).And.NotBeEmpty();
    }

    [Fact]
    public void Records_changed_during_the_paging_are_seen_as_the_file_now_is()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions());
        session.OpenConnection("window", "Window tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);
        object[] window = [El("ActiveStatus", "All"), El("FromModifiedDate", "2000-01-01T00:00:00"), El("ToModifiedDate", "2025-12-31T23:59:59")];
        XElement Ask(params object[] content) => Single(session.ProcessRequest(ticket, Request(Rq("CustomerQueryRq", [.. content, .. window]))));
        static IEnumerable<string> CustomerIds(XElement answer) => answer.Elements("CustomerRet").Select(r => r.Element("ListID")!.Value);
        var whole = Ask().Elements("CustomerRet").ToList();
        var page = Ask(new XAttribute("iterator", "Start"), El("MaxReturned", 7));
        var iteratorId = (string)page.Attribute("iteratorID")!;
        var paged = CustomerIds(page).ToList();

        // Moved out of the window by this session: its TimeModified becomes today, after the window.
        var modified = whole[20];
        var answer = Single(session.ProcessRequest(ticket, Request(Rq("CustomerModRq", new XElement("CustomerMod",
            El("ListID", modified.Element("ListID")!.Value), El("EditSequence", modified.Element("EditSequence")!.Value), El("Phone", "555-0100"))))));
        Status(answer).Should().Be(0);
        page = Ask(new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", iteratorId), El("MaxReturned", 7));
        paged.AddRange(CustomerIds(page));

        // Moved out of the window by another program writing the file.
        var outside = whole[30].Element("ListID")!.Value;
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString()))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "UPDATE records SET time_modified = time_modified + 20 * 365 * 86400 WHERE id = $id";
            command.Parameters.AddWithValue("$id", outside);
            command.ExecuteNonQuery().Should().Be(1);
        }

        var remaining = new List<int> { (int)page.Attribute("iteratorRemainingCount")! };
        while (remaining[^1] > 0)
        {
            page = Ask(new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", iteratorId), El("MaxReturned", 7));
            paged.AddRange(CustomerIds(page));
            remaining.Add((int)page.Attribute("iteratorRemainingCount")!);
        }

        var expected = whole.Select(r => r.Element("ListID")!.Value).Where(id => id != modified.Element("ListID")!.Value && id != outside).ToList();
        paged.Should().Equal(expected);
        remaining[0].Should().Be(expected.Count - 14 + 1, "the count before the outside change still held that customer");
    }

    public void Dispose() => _dir.Dispose();

    private static XElement Window() => new("ModifiedDateRangeFilter", El("FromModifiedDate", "2024-01-01T00:00:00"), El("ToModifiedDate", "2024-12-31T23:59:59"));

    private static IEnumerable<string> Ids(XElement answer) => answer.Elements("InvoiceRet").Select(r => r.Element("TxnID")!.Value);

    /// <summary>Invoices modified in 2024, once in one answer and once through an iterator of 7 per page.</summary>
    private (List<string> Whole, List<string> Paged, List<int> Remaining) PageInvoiceWindow()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions());
        session.OpenConnection("window", "Window tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);
        XElement Ask(params object[] content) => Single(session.ProcessRequest(ticket, Request(Rq("InvoiceQueryRq", content))));

        var whole = Ids(Ask(Window())).ToList();
        var page = Ask(new XAttribute("iterator", "Start"), El("MaxReturned", 7), Window());
        var iteratorId = (string)page.Attribute("iteratorID")!;
        var paged = Ids(page).ToList();
        var remaining = new List<int> { (int)page.Attribute("iteratorRemainingCount")! };
        while (remaining[^1] > 0)
        {
            page = Ask(new XAttribute("iterator", "Continue"), new XAttribute("iteratorID", iteratorId), El("MaxReturned", 7), Window());
            paged.AddRange(Ids(page));
            remaining.Add((int)page.Attribute("iteratorRemainingCount")!);
            remaining[^1].Should().Be(whole.Count - paged.Count);
        }

        session.EndSession(ticket);
        session.CloseConnection();
        return (whole, paged, remaining);
    }
}
