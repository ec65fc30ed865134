using QbConnector.QbGateway.Catalog;

namespace QbConnector.QbGateway.Tests.Catalog;

public class QbCatalogTests
{
    [Fact]
    public void Catalogue_has_every_synced_data_type_once()
    {
        var names = QbCatalog.All.Select(e => e.DataType).ToList();
        names.Should().OnlyHaveUniqueItems();
        names.Should().Contain(
        [
            "accounts", "customers", "vendors", "items", "invoices", "bills", "receivePayments", "billPaymentChecks",
            "creditMemos", "journalEntries", "purchaseOrders", "salesReceipts", "checks", "deposits", "salesTaxCodes",
            "terms", "classes", "company", "balanceSheet", "profitAndLoss", "itemSalesTaxes",
        ]);
    }

    [Theory]
    [InlineData("customers", "CustomerQueryRq", "CustomerRet", QbEntityKind.List, true, QbModifiedFilterStyle.FromToModifiedDate)]
    [InlineData("accounts", "AccountQueryRq", "AccountRet", QbEntityKind.List, false, QbModifiedFilterStyle.FromToModifiedDate)]
    [InlineData("classes", "ClassQueryRq", "ClassRet", QbEntityKind.List, false, QbModifiedFilterStyle.FromToModifiedDate)]
    [InlineData("invoices", "InvoiceQueryRq", "InvoiceRet", QbEntityKind.Transaction, true, QbModifiedFilterStyle.ModifiedDateRangeFilter)]
    [InlineData("journalEntries", "JournalEntryQueryRq", "JournalEntryRet", QbEntityKind.Transaction, true, QbModifiedFilterStyle.ModifiedDateRangeFilter)]
    [InlineData("company", "CompanyQueryRq", "CompanyRet", QbEntityKind.Company, false, QbModifiedFilterStyle.None)]
    [InlineData("balanceSheet", "GeneralSummaryReportQueryRq", "ReportRet", QbEntityKind.Report, false, QbModifiedFilterStyle.None)]
    public void Entity_names_follow_qbxml(string dataType, string query, string ret, QbEntityKind kind, bool iterator, QbModifiedFilterStyle filter)
    {
        var e = QbCatalog.GetByDataType(dataType);
        e.QueryRequest.Should().Be(query);
        e.RetElements.Should().Contain(ret);
        e.Kind.Should().Be(kind);
        e.SupportsIterator.Should().Be(iterator);
        e.ModifiedFilter.Should().Be(filter);
    }

    [Fact]
    public void Items_have_one_ret_element_and_del_type_per_variant()
    {
        QbCatalog.Items.RetElements.Should().Contain(["ItemServiceRet", "ItemNonInventoryRet", "ItemOtherChargeRet", "ItemInventoryRet"]);
        QbCatalog.Items.ListDelTypes.Should().HaveSameCount(QbCatalog.Items.RetElements);
        QbCatalog.ListDelTypeFor("ItemServiceRet").Should().Be("ItemService");
        QbCatalog.ListDelTypeFor("DateDrivenTermsRet").Should().Be("DateDrivenTerms");
        QbCatalog.FindByRetElement("ItemInventoryRet").Should().BeSameAs(QbCatalog.Items);
        QbCatalog.FindByDelType("ItemService").Should().BeSameAs(QbCatalog.Items);
        QbCatalog.FindByDelType("Invoice").Should().BeSameAs(QbCatalog.Invoices);
    }

    [Fact]
    public void Writes_exist_where_the_connector_pushes()
    {
        QbCatalog.Customers.AddRequest.Should().Be("CustomerAddRq");
        QbCatalog.Customers.ModRequest.Should().Be("CustomerModRq");
        QbCatalog.Vendors.ModRequest.Should().Be("VendorModRq");
        QbCatalog.All.Where(e => e.AddRequest is not null).Select(e => e.DataType)
            .Should().BeEquivalentTo("customers", "vendors", "invoices", "bills", "receivePayments", "journalEntries");
    }

    [Fact]
    public void Every_list_and_transaction_can_be_found_among_deletes_and_by_response()
    {
        foreach (var e in QbCatalog.All)
        {
            switch (e.Kind)
            {
                case QbEntityKind.List:
                    e.ListDelTypes.Should().NotBeEmpty(e.DataType);
                    e.IdElement.Should().Be("ListID");
                    break;
                case QbEntityKind.Transaction:
                    e.TxnDelType.Should().NotBeNull(e.DataType);
                    e.IdElement.Should().Be("TxnID");
                    e.SupportsIncludeLineItems.Should().BeTrue();
                    break;
                default:
                    e.IdElement.Should().BeNull();
                    break;
            }

            if (e.Kind != QbEntityKind.Report)
            {
                QbCatalog.FindByQueryResponse(e.QueryResponse).Should().BeSameAs(e);
            }
        }
    }

    [Fact]
    public void Names_exist_in_the_qbxml_13_schema()
    {
        var ops = File.ReadAllText(SharedFiles.QbXmlRootSchema);
        var types = File.ReadAllText(Path.Combine(SharedFiles.QbXmlSchemaDirectory, "qbxml130.xsd"));
        foreach (var e in QbCatalog.All)
        {
            ops.Should().Contain($"name=\"{e.QueryRequest}\"", e.DataType);
            foreach (var ret in e.RetElements)
            {
                (ops + types).Should().Contain($"name=\"{ret}\"", ret);
            }

            foreach (var del in e.ListDelTypes.Append(e.TxnDelType).OfType<string>())
            {
                types.Should().Contain($"<xsd:enumeration value=\"{del}\"/>", del);
            }

            foreach (var write in new[] { e.AddRequest, e.ModRequest }.OfType<string>())
            {
                ops.Should().Contain($"name=\"{write}\"", write);
            }
        }
    }
}
