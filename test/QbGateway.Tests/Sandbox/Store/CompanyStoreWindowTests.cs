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

    public CompanyStoreWindowTests(SandboxCompanyTemplates templates)
    {
        _file = _dir.File("company.qbw.db");
        File.Copy(templates.CompanyFile, _file);
    }

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

    public void Dispose() => _dir.Dispose();

    /// <summary>Invoices modified in 2024, once in one answer and once through an iterator of 7 per page.</summary>
    private (List<string> Whole, List<string> Paged, List<int> Remaining) PageInvoiceWindow()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions());
        session.OpenConnection("window", "Window tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);
        XElement Window() => new("ModifiedDateRangeFilter", El("FromModifiedDate", "2024-01-01T00:00:00"), El("ToModifiedDate", "2024-12-31T23:59:59"));
        XElement Ask(params object[] content) => Single(session.ProcessRequest(ticket, Request(Rq("InvoiceQueryRq", content))));
        static IEnumerable<string> Ids(XElement answer) => answer.Elements("InvoiceRet").Select(r => r.Element("TxnID")!.Value);

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
