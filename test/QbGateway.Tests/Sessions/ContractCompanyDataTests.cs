using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Qbxml;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>
/// The preparation the COM contract suite runs on a real company file, against a small in-memory company that
/// checks every request against Intuit's schema first (the real QuickBooks would refuse an invalid one).
/// </summary>
public sealed class ContractCompanyDataTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);

    [Fact]
    public void A_small_company_gets_the_customers_invoices_and_delete_the_contract_needs_with_schema_valid_requests()
    {
        var company = new SchemaCheckedCompany(activeCustomers: 2, invoices: 4);

        ContractCompanyData.Prepare(company, "C:\\Company.qbw", Today);

        company.Customers.Count.Should().BeGreaterThanOrEqualTo(ContractCompanyData.MinimumCustomers);
        company.Customers.Values.Count(active => !active).Should().Be(ContractCompanyData.MinimumInactiveCustomers);
        company.Invoices.Should().HaveCount(ContractCompanyData.MinimumInvoices);
        company.AddedInvoiceDates.Should().NotBeInAscendingOrder().And.NotBeInDescendingOrder();
        company.AddedInvoiceDates.Should().OnlyContain(d => d < Today && d > Today.AddDays(-90));
        company.ModifiedInvoices.Should().NotBeEmpty().And.OnlyContain(id => company.Invoices.Contains(id));
        company.ModifiedInvoices.Should().NotContain(company.Invoices[^1], "the last added invoice must not also be the last modified");
        company.DeletedCustomers.Should().ContainSingle();
        company.OpenSessions.Should().Be(0);
        company.FileNames.Should().Equal("C:\\Company.qbw");
    }

    [Fact]
    public void Preparing_a_company_again_only_deletes_one_more_customer()
    {
        var company = new SchemaCheckedCompany(activeCustomers: 2, invoices: 4);
        ContractCompanyData.Prepare(company, "C:\\Company.qbw", Today);
        var customers = company.Customers.Count;
        var invoices = company.Invoices.Count;
        var requests = company.Requests.Count;

        ContractCompanyData.Prepare(company, "C:\\Company.qbw", Today);

        company.Customers.Count.Should().Be(customers);
        company.Invoices.Should().HaveCount(invoices);
        company.DeletedCustomers.Should().HaveCount(2);
        company.Requests.Skip(requests).Where(r => !r.EndsWith("QueryRq", StringComparison.Ordinal)).Should().Equal("CustomerAddRq", "ListDelRq");
    }

    [Fact]
    public void A_company_without_a_service_item_is_refused_in_plain_words()
    {
        var company = new SchemaCheckedCompany(activeCustomers: 40, invoices: 0, serviceItems: 0);

        var act = () => ContractCompanyData.Prepare(company, "C:\\Company.qbw", Today);

        act.Should().Throw<InvalidOperationException>().WithMessage("*service item*");
        company.OpenSessions.Should().Be(0);
    }

    /// <summary>Just enough of a company file for the preparation: customers, invoices, one service item.</summary>
    private sealed class SchemaCheckedCompany : IQbSession
    {
        private readonly int _serviceItems;
        private int _nextId = 100;

        public SchemaCheckedCompany(int activeCustomers, int invoices, int serviceItems = 1)
        {
            _serviceItems = serviceItems;
            for (var i = 0; i < activeCustomers; i++)
            {
                Customers[NewId()] = true;
            }

            for (var i = 0; i < invoices; i++)
            {
                Invoices.Add(NewId());
            }
        }

        public QbAuthPreferences AuthPreferences { get; } = new();

        public Dictionary<string, bool> Customers { get; } = [];

        public List<string> Invoices { get; } = [];

        public List<DateOnly> AddedInvoiceDates { get; } = [];

        public List<string> ModifiedInvoices { get; } = [];

        public List<string> DeletedCustomers { get; } = [];

        public List<string> Requests { get; } = [];

        public List<string> FileNames { get; } = [];

        public int OpenSessions { get; private set; }

        public void OpenConnection(string appId, string appName)
        {
        }

        public QbTicket BeginSession(string companyFile, QbFileMode mode)
        {
            OpenSessions++;
            if (!FileNames.Contains(companyFile))
            {
                FileNames.Add(companyFile);
            }

            return new QbTicket("ticket");
        }

        public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => ["13.0"];

        public string ProcessRequest(QbTicket ticket, string requestXml)
        {
            QbXmlSchema.ShouldBeValid(requestXml);
            var request = XDocument.Parse(requestXml).Root!.Element("QBXMLMsgsRq")!.Elements().Single();
            var name = request.Name.LocalName;
            Requests.Add(name);
            var body = request.Elements().FirstOrDefault();
            var answer = name switch
            {
                "CustomerQueryRq" => Customers.Where(c => c.Value || request.Element("ActiveStatus")?.Value == "All")
                    .Take(request.Element("MaxReturned") is { } max ? (int)max : int.MaxValue)
                    .Select(c => new XElement("CustomerRet", new XElement("ListID", c.Key), new XElement("IsActive", c.Value ? "true" : "false"))),
                "InvoiceQueryRq" => Invoices.Select(id => new XElement("InvoiceRet", new XElement("TxnID", id))),
                "ItemServiceQueryRq" => Enumerable.Range(0, _serviceItems).Select(i => new XElement("ItemServiceRet", new XElement("ListID", "ITEM-" + i))),
                "CustomerAddRq" => [AddCustomer(body!)],
                "InvoiceAddRq" => [AddInvoice(body!)],
                "InvoiceModRq" => [ModInvoice(body!)],
                "ListDelRq" => [DeleteCustomer(request)],
                _ => throw new InvalidOperationException("unexpected " + name),
            };
            var rets = answer.ToList();
            var status = rets.Count == 0 && name.EndsWith("QueryRq", StringComparison.Ordinal) ? 1 : 0;
            var response = new XElement(name[..^2] + "Rs", new XAttribute("statusCode", status), new XAttribute("statusSeverity", "Info"), new XAttribute("statusMessage", "Status OK"), rets);
            return new XDocument(new XElement("QBXML", new XElement("QBXMLMsgsRs", response))).ToString();
        }

        public string GetCurrentCompanyFileName(QbTicket ticket) => FileNames[^1];

        public void EndSession(QbTicket ticket) => OpenSessions--;

        public void CloseConnection()
        {
        }

        public void Dispose()
        {
        }

        private string NewId() => (_nextId++).ToString("X8", CultureInfo.InvariantCulture) + "-1";

        private XElement AddCustomer(XElement add)
        {
            var id = NewId();
            var active = add.Element("IsActive")?.Value != "false";
            Customers[id] = active;
            return new XElement("CustomerRet", new XElement("ListID", id), new XElement("EditSequence", "1"), new XElement("IsActive", active ? "true" : "false"));
        }

        private XElement AddInvoice(XElement add)
        {
            add.Elements("InvoiceLineAdd").Should().NotBeEmpty();
            Customers.Should().ContainKey(add.Element("CustomerRef")!.Element("ListID")!.Value);
            var id = NewId();
            Invoices.Add(id);
            AddedInvoiceDates.Add(DateOnly.Parse(add.Element("TxnDate")!.Value, CultureInfo.InvariantCulture));
            return new XElement("InvoiceRet", new XElement("TxnID", id), new XElement("EditSequence", "1"));
        }

        private XElement ModInvoice(XElement mod)
        {
            var id = mod.Element("TxnID")!.Value;
            mod.Element("EditSequence")!.Value.Should().Be("1");
            ModifiedInvoices.Add(id);
            return new XElement("InvoiceRet", new XElement("TxnID", id), new XElement("EditSequence", "2"));
        }

        private XElement DeleteCustomer(XElement delete)
        {
            var id = delete.Element("ListID")!.Value;
            Customers.Remove(id).Should().BeTrue();
            DeletedCustomers.Add(id);
            return new XElement("ListDelType", "Customer");
        }
    }
}
