using System.Collections.Frozen;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>The enumerations of qbXML 13.0 that requests are checked against.</summary>
public static class QbSchemaEnums
{
    public static FrozenSet<string> List { get; } = FrozenSet.ToFrozenSet(
        ["Account", "BillingRate", "Class", "Currency", "Customer", "CustomerMsg", "CustomerType", "DateDrivenTerms", "Employee", "InventorySite", "ItemDiscount", "ItemFixedAsset", "ItemGroup", "ItemInventory", "ItemInventoryAssembly", "ItemNonInventory", "ItemOtherCharge", "ItemPayment", "ItemSalesTax", "ItemSalesTaxGroup", "ItemService", "ItemSubtotal", "JobType", "OtherName", "PaymentMethod", "PayrollItemNonWage", "PayrollItemWage", "PriceLevel", "SalesRep", "SalesTaxCode", "ShipMethod", "StandardTerms", "ToDo", "UnitOfMeasureSet", "Vehicle", "Vendor", "VendorType", "WorkersCompCode"], StringComparer.Ordinal);

    public static FrozenSet<string> Txn { get; } = FrozenSet.ToFrozenSet(
        ["ARRefundCreditCard", "Bill", "BillPaymentCheck", "BillPaymentCreditCard", "BuildAssembly", "Charge", "Check", "CreditCardCharge", "CreditCardCredit", "CreditMemo", "Deposit", "Estimate", "InventoryAdjustment", "Invoice", "ItemReceipt", "JournalEntry", "PurchaseOrder", "ReceivePayment", "SalesOrder", "SalesReceipt", "SalesTaxPaymentCheck", "TimeTracking", "TransferInventory", "VehicleMileage", "VendorCredit"], StringComparer.Ordinal);

    public static FrozenSet<string> SummaryReportTypes { get; } = FrozenSet.ToFrozenSet(
        ["BalanceSheetByClass", "BalanceSheetPrevYearComp", "BalanceSheetStandard", "BalanceSheetSummary", "CustomerBalanceSummary", "ExpenseByVendorSummary", "IncomeByCustomerSummary", "InventoryStockStatusByItem", "InventoryStockStatusByVendor", "IncomeTaxSummary", "InventoryValuationSummary", "InventoryValuationSummaryBySite", "LotNumberInStockBySite", "PhysicalInventoryWorksheet", "ProfitAndLossByClass", "ProfitAndLossByJob", "ProfitAndLossPrevYearComp", "ProfitAndLossStandard", "ProfitAndLossYTDComp", "PurchaseByItemSummary", "PurchaseByVendorSummary", "SalesByCustomerSummary", "SalesByItemSummary", "SalesByRepSummary", "SalesTaxLiability", "SalesTaxRevenueSummary", "SerialNumberInStockBySite", "TrialBalance", "VendorBalanceSummary", "ItemEstimatesVsActuals", "ItemProfitability", "JobEstimatesVsActualsDetail"], StringComparer.Ordinal);
}
