namespace QbConnector.QbGateway.Sandbox.Generation;

internal sealed record AccountSpec(string Name, string AccountType, string Number, string? SpecialAccountType, bool IsBalanceSheet);

/// <summary>A small-business chart of accounts, as QuickBooks' setup interview creates it (tax account named per region).</summary>
internal static class ChartOfAccounts
{
    public const int Checking = 0;
    public const int Savings = 1;
    public const int AccountsReceivable = 2;
    public const int UndepositedFunds = 3;
    public const int InventoryAsset = 4;
    public const int Equipment = 5;
    public const int AccountsPayable = 6;
    public const int SalesTaxPayable = 7;
    public const int PayrollLiabilities = 8;
    public const int LoanPayable = 9;
    public const int OpeningBalanceEquity = 10;
    public const int RetainedEarnings = 11;
    public const int ServiceIncome = 12;
    public const int ProductSales = 13;
    public const int FeesIncome = 14;
    public const int CostOfGoodsSold = 15;
    public const int FirstExpense = 16;
    public const int LastExpense = 25;
    public const int InterestIncome = 26;

    public static IReadOnlyList<AccountSpec> For(CompanyCountry country) =>
    [
        new("Checking", "Bank", "1000", null, true),
        new("Savings", "Bank", "1010", null, true),
        new("Accounts Receivable", "AccountsReceivable", "1200", "AccountsReceivable", true),
        new("Undeposited Funds", "OtherCurrentAsset", "1499", "UndepositedFunds", true),
        new("Inventory Asset", "OtherCurrentAsset", "1120", "InventoryAssets", true),
        new("Furniture and Equipment", "FixedAsset", "1500", null, true),
        new("Accounts Payable", "AccountsPayable", "2000", "AccountsPayable", true),
        new(country switch { CompanyCountry.CA => "GST/HST Payable", CompanyCountry.UK => "VAT Liability", _ => "Sales Tax Payable" }, "OtherCurrentLiability", "2200", "SalesTaxPayable", true),
        new("Payroll Liabilities", "OtherCurrentLiability", "2100", "PayrollLiabilities", true),
        new("Loan Payable", "LongTermLiability", "2700", null, true),
        new("Opening Balance Equity", "Equity", "3000", "OpeningBalanceEquity", true),
        new("Retained Earnings", "Equity", "3900", "RetainedEarnings", true),
        new("Services", "Income", "4000", null, false),
        new("Product Sales", "Income", "4100", null, false),
        new("Fees Income", "Income", "4200", null, false),
        new("Cost of Goods Sold", "CostOfGoodsSold", "5000", "CostOfGoodsSold", false),
        new("Advertising and Promotion", "Expense", "6000", null, false),
        new("Rent Expense", "Expense", "6100", null, false),
        new("Utilities", "Expense", "6200", null, false),
        new("Office Supplies", "Expense", "6300", null, false),
        new("Insurance Expense", "Expense", "6400", null, false),
        new("Professional Fees", "Expense", "6500", null, false),
        new("Repairs and Maintenance", "Expense", "6600", null, false),
        new("Telephone Expense", "Expense", "6700", null, false),
        new("Bank Service Charges", "Expense", "6800", null, false),
        new("Payroll Expenses", "Expense", "6900", null, false),
        new("Interest Income", "OtherIncome", "7000", null, false),
    ];
}
