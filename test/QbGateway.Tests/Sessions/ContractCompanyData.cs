using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Sessions;
using static QbConnector.QbGateway.Tests.Sessions.QbXmlTestMessages;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>
/// Brings a company file up to what <see cref="IQbSessionContractFixture.CompanyFilePath"/> promises, through
/// ordinary qbXML writes: enough customers (some inactive), enough invoices with lines whose modification
/// order is not their creation order, and a delete in the last 90 days. Adds only what is missing, so a
/// real company file is touched once and then only gains one deleted customer a run.
/// </summary>
public static class ContractCompanyData
{
    public const int MinimumCustomers = 30;
    public const int MinimumInactiveCustomers = 3;
    public const int MinimumInvoices = 25;

    /// <summary>Prepares the company file; the session must be connected and without a session open.</summary>
    public static void Prepare(IQbSession session, string companyFile, DateOnly today)
    {
        var ticket = session.BeginSession(companyFile, QbFileMode.DoNotCare);
        try
        {
            var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            EnsureCustomers(session, ticket, tag);
            EnsureInvoices(session, ticket, tag, today);
            DeleteOneCustomer(session, ticket, tag);
        }
        finally
        {
            session.EndSession(ticket);
        }
    }

    private static void EnsureCustomers(IQbSession session, QbTicket ticket, string tag)
    {
        var customers = Query(session, ticket, Rq("CustomerQueryRq", El("ActiveStatus", "All"), El("IncludeRetElement", "ListID"), El("IncludeRetElement", "IsActive")))
            .Elements("CustomerRet").ToList();
        var inactive = customers.Count(c => c.Element("IsActive")?.Value == "false");
        var active = customers.Count - inactive;
        for (var i = inactive; i < MinimumInactiveCustomers; i++)
        {
            Write(session, ticket, Rq("CustomerAddRq", new XElement("CustomerAdd", El("Name", $"Contract Inactive {i} {tag}"), El("IsActive", "false"))));
        }

        for (var i = active; i < MinimumCustomers - MinimumInactiveCustomers; i++)
        {
            Write(session, ticket, Rq("CustomerAddRq", new XElement("CustomerAdd", El("Name", $"Contract Customer {i} {tag}"), El("CompanyName", $"Contract Co {i}"))));
        }
    }

    private static void EnsureInvoices(IQbSession session, QbTicket ticket, string tag, DateOnly today)
    {
        var existing = Query(session, ticket, Rq("InvoiceQueryRq", El("IncludeRetElement", "TxnID"))).Elements("InvoiceRet").Count();
        if (existing >= MinimumInvoices)
        {
            return;
        }

        var customer = Id(Query(session, ticket, Rq("CustomerQueryRq", El("MaxReturned", 1))).Element("CustomerRet")!);
        var item = ExistingServiceItem(session, ticket);
        var added = new List<XElement>();
        for (var i = existing; i < MinimumInvoices; i++)
        {
            // Dates out of creation order, so neither the date nor the creation order is the modification order.
            var date = today.AddDays(-((i * 7) % MinimumInvoices) - 1);
            var invoice = Write(session, ticket, Rq("InvoiceAddRq", new XElement("InvoiceAdd",
                RefId("CustomerRef", customer),
                El("TxnDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                El("RefNumber", $"CT{tag[..4]}{i:00}"),
                new XElement("InvoiceLineAdd", RefId("ItemRef", item), El("Desc", "Contract test line"), El("Quantity", 1 + (i % 3)), El("Rate", "10.00")),
                new XElement("InvoiceLineAdd", RefId("ItemRef", item), El("Desc", "Second line"), El("Quantity", 1), El("Rate", "2.50")))));
            added.Add(invoice.Element("InvoiceRet")!);
        }

        // Touch every third invoice again so that the last modified ones are spread through the list.
        foreach (var invoice in added.Where((_, index) => index % 3 == 0))
        {
            Write(session, ticket, Rq("InvoiceModRq", new XElement("InvoiceMod",
                El("TxnID", invoice.Element("TxnID")!.Value),
                El("EditSequence", invoice.Element("EditSequence")!.Value),
                El("Memo", $"Modified for the contract tests {tag}"))));
        }
    }

    private static string ExistingServiceItem(IQbSession session, QbTicket ticket)
    {
        // Every real company file has service items; creating one would also need an income account chosen for it.
        var item = Query(session, ticket, Rq("ItemServiceQueryRq", El("MaxReturned", 1))).Element("ItemServiceRet")
                   ?? throw new InvalidOperationException("Preparing the company file: it needs at least one active service item for the test invoices.");
        return Id(item);
    }

    private static void DeleteOneCustomer(IQbSession session, QbTicket ticket, string tag)
    {
        var added = Write(session, ticket, Rq("CustomerAddRq", new XElement("CustomerAdd", El("Name", $"Contract Deleted {tag}"))));
        Write(session, ticket, Rq("ListDelRq", El("ListDelType", "Customer"), El("ListID", Id(added.Element("CustomerRet")!))));
    }

    private static XElement Query(IQbSession session, QbTicket ticket, XElement request)
    {
        var response = Single(session.ProcessRequest(ticket, Request(request)));
        var status = Status(response);
        // 1: nothing matched; 500: a named object was not found. Both are answers, not failures.
        if (status is not (0 or 1 or 500))
        {
            throw new InvalidOperationException($"Preparing the company file: {request.Name.LocalName} answered {status} ({(string?)response.Attribute("statusMessage")}).");
        }

        return response;
    }

    private static XElement Write(IQbSession session, QbTicket ticket, XElement request)
    {
        var response = Single(session.ProcessRequest(ticket, Request(request)));
        if (Status(response) != 0)
        {
            throw new InvalidOperationException($"Preparing the company file: {request.Name.LocalName} answered {Status(response)} ({(string?)response.Attribute("statusMessage")}).");
        }

        return response;
    }

    private static string Id(XElement ret) => (ret.Element("ListID") ?? ret.Element("TxnID"))!.Value;
}
