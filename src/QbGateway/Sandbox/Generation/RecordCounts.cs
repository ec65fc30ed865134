namespace QbConnector.QbGateway.Sandbox.Generation;

/// <summary>How many records of each kind a scale asks for (payments follow from the invoices and bills that get paid).</summary>
internal sealed record RecordCounts(
    int Customers,
    int Vendors,
    int Employees,
    int Classes,
    int ServiceItems,
    int NonInventoryItems,
    int OtherChargeItems,
    int InventoryItems,
    int Invoices,
    int Bills,
    int SalesReceipts,
    int Checks,
    int CreditMemos,
    int JournalEntries,
    int PurchaseOrders,
    int Deposits,
    int DeletedLists,
    int DeletedTxns)
{
    public static RecordCounts For(int scale)
    {
        var n = Math.Max(scale, 12);
        int Share(double fraction, int minimum) => Math.Max(minimum, (int)Math.Round(n * fraction));
        return new RecordCounts(
            Customers: Share(0.07, 3),
            Vendors: Share(0.025, 2),
            Employees: Share(0.004, 1),
            Classes: Math.Min(8, 2 + (n / 2000)),
            ServiceItems: Share(0.008, 1),
            NonInventoryItems: Share(0.005, 1),
            OtherChargeItems: Share(0.002, 1),
            InventoryItems: Share(0.005, 1),
            Invoices: Share(0.25, 2),
            Bills: Share(0.10, 1),
            SalesReceipts: Share(0.07, 1),
            Checks: Share(0.06, 1),
            CreditMemos: Share(0.015, 1),
            JournalEntries: Share(0.02, 1),
            PurchaseOrders: Share(0.03, 1),
            Deposits: Share(0.015, 1),
            DeletedLists: Share(0.004, 2),
            DeletedTxns: Share(0.012, 2));
    }

    public int Items => ServiceItems + NonInventoryItems + OtherChargeItems + InventoryItems;
}
