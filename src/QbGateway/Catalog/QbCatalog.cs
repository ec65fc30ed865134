using System.Collections.Frozen;

namespace QbConnector.QbGateway.Catalog;

/// <summary>Every data type the connector syncs, with its qbXML names (qbXML 13.0).</summary>
public static class QbCatalog
{
    public static QbEntity Accounts { get; } = ListEntity("accounts", "Account", iterator: false);
    public static QbEntity Customers { get; } = ListEntity("customers", "Customer", iterator: true, writable: true);
    public static QbEntity Vendors { get; } = ListEntity("vendors", "Vendor", iterator: true, writable: true);

    /// <summary>Every item variant comes back from ItemQuery, each with its own Ret element and ListDelType.</summary>
    public static QbEntity Items { get; } = new()
    {
        DataType = "items",
        QueryRequest = "ItemQueryRq",
        RetElements = ItemVariants.Select(v => v + "Ret").ToArray(),
        Kind = QbEntityKind.List,
        SupportsIterator = true,
        ModifiedFilter = QbModifiedFilterStyle.FromToModifiedDate,
        SupportsActiveStatus = true,
        SupportsOwnerId = true,
        ListDelTypes = ItemVariants,
    };

    /// <summary>Sales tax items on their own; ItemQuery also returns them inside <see cref="Items"/>.</summary>
    public static QbEntity ItemSalesTaxes { get; } = ListEntity("itemSalesTaxes", "ItemSalesTax", iterator: true);

    public static QbEntity SalesTaxCodes { get; } = ListEntity("salesTaxCodes", "SalesTaxCode", iterator: false) with { SupportsOwnerId = false };

    /// <summary>Terms come as two list types: standard (net days) and date driven (day of month).</summary>
    public static QbEntity Terms { get; } = new()
    {
        DataType = "terms",
        QueryRequest = "TermsQueryRq",
        RetElements = ["StandardTermsRet", "DateDrivenTermsRet"],
        Kind = QbEntityKind.List,
        SupportsIterator = false,
        ModifiedFilter = QbModifiedFilterStyle.FromToModifiedDate,
        SupportsActiveStatus = true,
        ListDelTypes = ["StandardTerms", "DateDrivenTerms"],
    };

    public static QbEntity Classes { get; } = ListEntity("classes", "Class", iterator: false) with { SupportsOwnerId = false };

    public static QbEntity Invoices { get; } = TxnEntity("invoices", "Invoice", add: true);
    public static QbEntity Bills { get; } = TxnEntity("bills", "Bill", add: true);
    public static QbEntity ReceivePayments { get; } = TxnEntity("receivePayments", "ReceivePayment", add: true);
    public static QbEntity BillPaymentChecks { get; } = TxnEntity("billPaymentChecks", "BillPaymentCheck");
    public static QbEntity CreditMemos { get; } = TxnEntity("creditMemos", "CreditMemo");
    public static QbEntity JournalEntries { get; } = TxnEntity("journalEntries", "JournalEntry", add: true);
    public static QbEntity PurchaseOrders { get; } = TxnEntity("purchaseOrders", "PurchaseOrder");
    public static QbEntity SalesReceipts { get; } = TxnEntity("salesReceipts", "SalesReceipt");
    public static QbEntity Checks { get; } = TxnEntity("checks", "Check");
    public static QbEntity Deposits { get; } = TxnEntity("deposits", "Deposit");

    public static QbEntity Company { get; } = new()
    {
        DataType = "company",
        QueryRequest = "CompanyQueryRq",
        RetElements = ["CompanyRet"],
        Kind = QbEntityKind.Company,
        SupportsIterator = false,
        ModifiedFilter = QbModifiedFilterStyle.None,
        SupportsOwnerId = true,
    };

    public static QbEntity BalanceSheet { get; } = ReportEntity("balanceSheet", "BalanceSheetStandard");
    public static QbEntity ProfitAndLoss { get; } = ReportEntity("profitAndLoss", "ProfitAndLossStandard");

    /// <summary>All entities, lists first, then transactions, company and reports.</summary>
    public static IReadOnlyList<QbEntity> All { get; } =
    [
        Accounts, Customers, Vendors, Items, ItemSalesTaxes, SalesTaxCodes, Terms, Classes,
        Invoices, Bills, ReceivePayments, BillPaymentChecks, CreditMemos, JournalEntries,
        PurchaseOrders, SalesReceipts, Checks, Deposits,
        Company, BalanceSheet, ProfitAndLoss,
    ];

    private static readonly FrozenDictionary<string, QbEntity> ByDataTypeMap =
        All.ToFrozenDictionary(e => e.DataType, StringComparer.Ordinal);

    // The first entity listing a Ret element wins: ItemSalesTaxRet belongs to items here,
    // while a response to ItemSalesTaxQuery is attributed by its request, not by this map.
    private static readonly FrozenDictionary<string, QbEntity> ByRetElementMap = All
        .SelectMany(e => e.RetElements.Select(r => (Ret: r, Entity: e)))
        .GroupBy(p => p.Ret, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Entity, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, QbEntity> ByQueryResponseMap = All
        .Where(e => e.Kind != QbEntityKind.Report)
        .ToFrozenDictionary(e => e.QueryResponse, StringComparer.Ordinal);

    /// <summary>The entity for a cloud data type name (case-sensitive, e.g. "invoices").</summary>
    public static QbEntity? FindByDataType(string dataType) =>
        ByDataTypeMap.TryGetValue(dataType, out var e) ? e : null;

    public static QbEntity GetByDataType(string dataType) =>
        FindByDataType(dataType) ?? throw new KeyNotFoundException($"Unknown data type '{dataType}'.");

    /// <summary>The entity whose query returns this Ret element (e.g. "ItemServiceRet" → items).</summary>
    public static QbEntity? FindByRetElement(string retElement) =>
        ByRetElementMap.TryGetValue(retElement, out var e) ? e : null;

    /// <summary>The entity answered by a query response element (e.g. "InvoiceQueryRs"); reports excluded.</summary>
    public static QbEntity? FindByQueryResponse(string responseElement) =>
        ByQueryResponseMap.TryGetValue(responseElement, out var e) ? e : null;

    /// <summary>The ListDelType for a list Ret element (e.g. "ItemServiceRet" → "ItemService").</summary>
    public static string? ListDelTypeFor(string retElement)
    {
        var entity = FindByRetElement(retElement);
        if (entity is null || entity.Kind != QbEntityKind.List)
        {
            return null;
        }

        for (var i = 0; i < entity.RetElements.Count; i++)
        {
            if (string.Equals(entity.RetElements[i], retElement, StringComparison.Ordinal))
            {
                return entity.ListDelTypes[i];
            }
        }

        return null;
    }

    /// <summary>The entity a ListDelType or TxnDelType value belongs to (e.g. "ItemService" → items).</summary>
    public static QbEntity? FindByDelType(string delType) =>
        All.FirstOrDefault(e => e.ListDelTypes.Contains(delType, StringComparer.Ordinal)
                                || string.Equals(e.TxnDelType, delType, StringComparison.Ordinal));

    private static string[] ItemVariants =>
    [
        "ItemService", "ItemNonInventory", "ItemOtherCharge", "ItemInventory", "ItemInventoryAssembly",
        "ItemFixedAsset", "ItemSubtotal", "ItemDiscount", "ItemPayment", "ItemSalesTax",
        "ItemSalesTaxGroup", "ItemGroup",
    ];

    private static QbEntity ListEntity(string dataType, string name, bool iterator, bool writable = false) => new()
    {
        DataType = dataType,
        QueryRequest = name + "QueryRq",
        RetElements = [name + "Ret"],
        Kind = QbEntityKind.List,
        SupportsIterator = iterator,
        ModifiedFilter = QbModifiedFilterStyle.FromToModifiedDate,
        SupportsActiveStatus = true,
        SupportsOwnerId = true,
        ListDelTypes = [name],
        AddRequest = writable ? name + "AddRq" : null,
        ModRequest = writable ? name + "ModRq" : null,
    };

    private static QbEntity TxnEntity(string dataType, string name, bool add = false) => new()
    {
        DataType = dataType,
        QueryRequest = name + "QueryRq",
        RetElements = [name + "Ret"],
        Kind = QbEntityKind.Transaction,
        SupportsIterator = true,
        ModifiedFilter = QbModifiedFilterStyle.ModifiedDateRangeFilter,
        SupportsIncludeLineItems = true,
        SupportsOwnerId = true,
        TxnDelType = name,
        AddRequest = add ? name + "AddRq" : null,
    };

    private static QbEntity ReportEntity(string dataType, string reportType) => new()
    {
        DataType = dataType,
        QueryRequest = "GeneralSummaryReportQueryRq",
        RetElements = ["ReportRet"],
        Kind = QbEntityKind.Report,
        SupportsIterator = false,
        ModifiedFilter = QbModifiedFilterStyle.None,
        ReportType = reportType,
    };
}
