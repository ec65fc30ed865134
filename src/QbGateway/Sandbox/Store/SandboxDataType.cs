namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Where a list record's name must be unique.</summary>
internal enum NameScope
{
    /// <summary>Customers, vendors, employees and other names share one namespace (status 3100 across them).</summary>
    Entity,

    /// <summary>All item types share one namespace.</summary>
    Item,

    /// <summary>Unique within the data type only.</summary>
    OwnType,

    /// <summary>Transactions have no name.</summary>
    None,
}

/// <summary>One data type the sandbox stores: how it is named in qbXML and how its Ret looks.</summary>
internal sealed record SandboxDataType(
    string Name,
    bool IsList,
    string RetElement,
    string QueryRequest,
    bool SupportsIterator,
    bool HasFullName,
    NameScope NameScope,
    IReadOnlySet<string> LineElements)
{
    private static readonly IReadOnlySet<string> NoLines = new HashSet<string>(StringComparer.Ordinal);

    public static readonly SandboxDataType Account = List("Account", "AccountQueryRq", iterator: false, fullName: true, NameScope.OwnType);
    public static readonly SandboxDataType Customer = List("Customer", "CustomerQueryRq", iterator: true, fullName: true, NameScope.Entity);
    public static readonly SandboxDataType Vendor = List("Vendor", "VendorQueryRq", iterator: true, fullName: false, NameScope.Entity);
    public static readonly SandboxDataType Employee = List("Employee", "EmployeeQueryRq", iterator: false, fullName: false, NameScope.Entity);
    public static readonly SandboxDataType OtherName = List("OtherName", "OtherNameQueryRq", iterator: false, fullName: false, NameScope.Entity);
    public static readonly SandboxDataType Class = List("Class", "ClassQueryRq", iterator: false, fullName: true, NameScope.OwnType);
    public static readonly SandboxDataType StandardTerms = List("StandardTerms", "StandardTermsQueryRq", iterator: false, fullName: false, NameScope.OwnType);
    public static readonly SandboxDataType SalesTaxCode = List("SalesTaxCode", "SalesTaxCodeQueryRq", iterator: false, fullName: false, NameScope.OwnType);
    public static readonly SandboxDataType ItemService = List("ItemService", "ItemServiceQueryRq", iterator: true, fullName: true, NameScope.Item);
    public static readonly SandboxDataType ItemNonInventory = List("ItemNonInventory", "ItemNonInventoryQueryRq", iterator: true, fullName: true, NameScope.Item);
    public static readonly SandboxDataType ItemOtherCharge = List("ItemOtherCharge", "ItemOtherChargeQueryRq", iterator: true, fullName: true, NameScope.Item);
    public static readonly SandboxDataType ItemInventory = List("ItemInventory", "ItemInventoryQueryRq", iterator: true, fullName: true, NameScope.Item);
    public static readonly SandboxDataType ItemSalesTax = List("ItemSalesTax", "ItemSalesTaxQueryRq", iterator: true, fullName: false, NameScope.Item);

    public static readonly SandboxDataType Invoice = Txn("Invoice", "InvoiceLineRet", "InvoiceLineGroupRet");
    public static readonly SandboxDataType Bill = Txn("Bill", "ExpenseLineRet", "ItemLineRet", "ItemGroupLineRet");
    public static readonly SandboxDataType ReceivePayment = Txn("ReceivePayment", "AppliedToTxnRet");
    public static readonly SandboxDataType BillPaymentCheck = Txn("BillPaymentCheck", "AppliedToTxnRet");
    public static readonly SandboxDataType CreditMemo = Txn("CreditMemo", "CreditMemoLineRet", "CreditMemoLineGroupRet");
    public static readonly SandboxDataType JournalEntry = Txn("JournalEntry", "JournalDebitLine", "JournalCreditLine");
    public static readonly SandboxDataType PurchaseOrder = Txn("PurchaseOrder", "PurchaseOrderLineRet", "PurchaseOrderLineGroupRet");
    public static readonly SandboxDataType SalesReceipt = Txn("SalesReceipt", "SalesReceiptLineRet", "SalesReceiptLineGroupRet");
    public static readonly SandboxDataType Check = Txn("Check", "ExpenseLineRet", "ItemLineRet", "ItemGroupLineRet");
    public static readonly SandboxDataType Deposit = Txn("Deposit", "DepositLineRet");

    public static IReadOnlyList<SandboxDataType> All { get; } =
    [
        Account, Customer, Vendor, Employee, OtherName, Class, StandardTerms, SalesTaxCode,
        ItemService, ItemNonInventory, ItemOtherCharge, ItemInventory, ItemSalesTax,
        Invoice, Bill, ReceivePayment, BillPaymentCheck, CreditMemo, JournalEntry, PurchaseOrder, SalesReceipt, Check, Deposit,
    ];

    public static IReadOnlyList<SandboxDataType> Items { get; } = [ItemService, ItemNonInventory, ItemOtherCharge, ItemInventory, ItemSalesTax];

    public static IReadOnlyList<SandboxDataType> Entities { get; } = [Customer, Vendor, Employee, OtherName];

    private static readonly Dictionary<string, SandboxDataType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static SandboxDataType? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The types a query request returns (ItemQueryRq returns every item type; TermsQueryRq every kind of terms).</summary>
    public static IReadOnlyList<SandboxDataType>? ForQuery(string requestName) => requestName switch
    {
        "ItemQueryRq" => Items,
        "TermsQueryRq" => [StandardTerms],
        _ => All.FirstOrDefault(t => string.Equals(t.QueryRequest, requestName, StringComparison.Ordinal)) is { } t ? [t] : null,
    };

    public string IdElement => IsList ? "ListID" : "TxnID";

    private static SandboxDataType List(string name, string query, bool iterator, bool fullName, NameScope scope) =>
        new(name, true, name + "Ret", query, iterator, fullName, scope, NoLines);

    private static SandboxDataType Txn(string name, params string[] lines) =>
        new(name, false, name + "Ret", name + "QueryRq", true, false, NameScope.None, new HashSet<string>(lines, StringComparer.Ordinal));
}
