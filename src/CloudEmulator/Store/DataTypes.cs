namespace QbConnector.CloudEmulator.Store;

/// <summary>The data types the platform knows, by their camelCase plural names.</summary>
internal static class DataTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "accounts", "customers", "vendors", "items", "invoices", "bills", "receivePayments",
        "billPaymentChecks", "creditMemos", "journalEntries", "purchaseOrders", "salesReceipts",
        "checks", "deposits", "salesTaxCodes", "terms", "classes", "company", "balanceSheet",
        "profitAndLoss",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Names are case-sensitive, as in the platform's URLs.</summary>
    public static bool IsKnown(string? dataType) => dataType is not null && Known.Contains(dataType);
}
