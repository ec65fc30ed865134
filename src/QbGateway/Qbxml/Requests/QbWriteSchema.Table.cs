namespace QbConnector.QbGateway.Qbxml.Requests;

// Element order, occurrences, lengths and enumerations of the write requests, taken from the
// qbXML 13.0 schema (qbxml130.xsd); QbWriteSchemaTests checks every write built from it against
// the schema itself.
#pragma warning disable MA0051 // one table, read as data
internal static partial class QbWriteSchema
{
    private const int U = int.MaxValue;

    private static readonly QbSchemaType Id = QbSchemaType.Leaf(QbValueKind.Id);
    private static readonly QbSchemaType Bool = QbSchemaType.Leaf(QbValueKind.Bool);
    private static readonly QbSchemaType Date = QbSchemaType.Leaf(QbValueKind.Date);
    private static readonly QbSchemaType DateTime = QbSchemaType.Leaf(QbValueKind.DateTime);
    private static readonly QbSchemaType Interval = QbSchemaType.Leaf(QbValueKind.Interval);
    private static readonly QbSchemaType Amt = QbSchemaType.Leaf(QbValueKind.Amt);
    private static readonly QbSchemaType Price = QbSchemaType.Leaf(QbValueKind.Price);
    private static readonly QbSchemaType Quan = QbSchemaType.Leaf(QbValueKind.Quan);
    private static readonly QbSchemaType Pct = QbSchemaType.Leaf(QbValueKind.Pct);
    private static readonly QbSchemaType Int = QbSchemaType.Leaf(QbValueKind.Int);
    private static readonly QbSchemaType Guid = QbSchemaType.Leaf(QbValueKind.Guid);
    private static readonly QbSchemaType Float = QbSchemaType.Leaf(QbValueKind.Float);

    private static readonly Dictionary<string, QbSchemaType> Globals = new(StringComparer.Ordinal)
    {
        ["CustomerAdd"] = Agg(Seq(1, 1, L("Name", 1, 1, Str(41)), R("IsActive", 0, 1), R("ClassRef", 0, 1), R("ParentRef", 0, 1), L("CompanyName", 0, 1, Str(41)), Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 0, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), R("Suffix", 0, 1)), L("JobTitle", 0, 1, Str(41)), R("BillAddress", 0, 1), R("ShipAddress", 0, 1), R("ShipToAddress", 0, 50), L("PrintAs", 0, 1, Str(41)), Seq(1, 1, L("Phone", 0, 1, Str(21)), L("Mobile", 0, 1, Str(21)), L("Pager", 0, 1, Str(21)), L("AltPhone", 0, 1, Str(21)), L("Fax", 0, 1, Str(21)), L("Email", 0, 1, Str(1023)), L("Cc", 0, 1, Str(1023)), L("Contact", 0, 1, Str(41)), L("AltContact", 0, 1, Str(41))), R("AdditionalContactRef", 0, 8), R("Contacts", 0, U), R("CustomerTypeRef", 0, 1), R("TermsRef", 0, 1), R("SalesRepRef", 0, 1), R("OpenBalance", 0, 1), R("OpenBalanceDate", 0, 1), R("SalesTaxCodeRef", 0, 1), R("ItemSalesTaxRef", 0, 1), R("SalesTaxCountry", 0, 1), L("ResaleNumber", 0, 1, Str(15)), L("AccountNumber", 0, 1, Str(99)), R("CreditLimit", 0, 1), R("PreferredPaymentMethodRef", 0, 1), R("CreditCardInfo", 0, 1), R("JobStatus", 0, 1), R("JobStartDate", 0, 1), R("JobProjectedEndDate", 0, 1), R("JobEndDate", 0, 1), L("JobDesc", 0, 1, Str(99)), R("JobTypeRef", 0, 1), L("Notes", 0, 1, Str(4095)), R("AdditionalNotes", 0, U), R("IsStatementWithParent", 0, 1), R("DeliveryMethod", 0, 1), R("PreferredDeliveryMethod", 0, 1), R("PriceLevelRef", 0, 1), R("ExternalGUID", 0, 1), L("TaxRegistrationNumber", 0, 1, Str(30)), R("CurrencyRef", 0, 1))),
        ["CustomerMod"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 1, 1), L("EditSequence", 1, 1, Str(16))), L("Name", 0, 1, Str(41)), R("IsActive", 0, 1), R("ClassRef", 0, 1), R("ParentRef", 0, 1), L("CompanyName", 0, 1, Str(41)), Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 0, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), R("Suffix", 0, 1)), L("JobTitle", 0, 1, Str(41)), R("BillAddress", 0, 1), R("ShipAddress", 0, 1), R("ShipToAddress", 0, 50), L("PrintAs", 0, 1, Str(41)), Seq(1, 1, L("Phone", 0, 1, Str(21)), L("Mobile", 0, 1, Str(21)), L("Pager", 0, 1, Str(21)), L("AltPhone", 0, 1, Str(21)), L("Fax", 0, 1, Str(21)), L("Email", 0, 1, Str(1023)), L("Cc", 0, 1, Str(1023)), L("Contact", 0, 1, Str(41)), L("AltContact", 0, 1, Str(41))), R("AdditionalContactRef", 0, 8), R("ContactsMod", 0, U), R("CustomerTypeRef", 0, 1), R("TermsRef", 0, 1), R("SalesRepRef", 0, 1), R("SalesTaxCodeRef", 0, 1), R("ItemSalesTaxRef", 0, 1), R("SalesTaxCountry", 0, 1), L("ResaleNumber", 0, 1, Str(15)), L("AccountNumber", 0, 1, Str(99)), R("CreditLimit", 0, 1), R("PreferredPaymentMethodRef", 0, 1), R("CreditCardInfo", 0, 1), R("JobStatus", 0, 1), R("JobStartDate", 0, 1), R("JobProjectedEndDate", 0, 1), R("JobEndDate", 0, 1), L("JobDesc", 0, 1, Str(99)), R("JobTypeRef", 0, 1), L("Notes", 0, 1, Str(4095)), R("AdditionalNotesMod", 0, U), R("IsStatementWithParent", 0, 1), R("DeliveryMethod", 0, 1), R("PreferredDeliveryMethod", 0, 1), R("PriceLevelRef", 0, 1), L("TaxRegistrationNumber", 0, 1, Str(30)), R("CurrencyRef", 0, 1))),
        ["VendorAdd"] = Agg(Seq(1, 1, L("Name", 1, 1, Str(41)), R("IsActive", 0, 1), R("ClassRef", 0, 1), L("CompanyName", 0, 1, Str(41)), Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 0, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), R("Suffix", 0, 1)), L("JobTitle", 0, 1, Str(41)), R("VendorAddress", 0, 1), R("ShipAddress", 0, 1), Seq(1, 1, L("Phone", 0, 1, Str(21)), L("Mobile", 0, 1, Str(21)), L("Pager", 0, 1, Str(21)), L("AltPhone", 0, 1, Str(21)), L("Fax", 0, 1, Str(21)), L("Email", 0, 1, Str(1023)), L("Cc", 0, 1, Str(1023)), L("Contact", 0, 1, Str(41)), L("AltContact", 0, 1, Str(41))), R("AdditionalContactRef", 0, 8), R("Contacts", 0, U), L("NameOnCheck", 0, 1, Str(41)), L("AccountNumber", 0, 1, Str(99)), L("Notes", 0, 1, Str(4095)), R("AdditionalNotes", 0, U), R("VendorTypeRef", 0, 1), R("TermsRef", 0, 1), R("CreditLimit", 0, 1), L("VendorTaxIdent", 0, 1, Str(15)), R("IsVendorEligibleFor1099", 0, 1), R("OpenBalance", 0, 1), R("OpenBalanceDate", 0, 1), R("BillingRateRef", 0, 1), R("ExternalGUID", 0, 1), R("SalesTaxCodeRef", 0, 1), R("SalesTaxCountry", 0, 1), R("IsSalesTaxAgency", 0, 1), R("SalesTaxReturnRef", 0, 1), L("TaxRegistrationNumber", 0, 1, Str(30)), R("ReportingPeriod", 0, 1), R("IsTaxTrackedOnPurchases", 0, 1), R("TaxOnPurchasesAccountRef", 0, 1), R("IsTaxTrackedOnSales", 0, 1), R("TaxOnSalesAccountRef", 0, 1), R("IsTaxOnTax", 0, 1), R("PrefillAccountRef", 0, 3), R("CurrencyRef", 0, 1))),
        ["VendorMod"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 1, 1), L("EditSequence", 1, 1, Str(16))), L("Name", 0, 1, Str(41)), R("IsActive", 0, 1), R("ClassRef", 0, 1), L("CompanyName", 0, 1, Str(41)), Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 0, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), R("Suffix", 0, 1)), L("JobTitle", 0, 1, Str(41)), R("VendorAddress", 0, 1), R("ShipAddress", 0, 1), Seq(1, 1, L("Phone", 0, 1, Str(21)), L("Mobile", 0, 1, Str(21)), L("Pager", 0, 1, Str(21)), L("AltPhone", 0, 1, Str(21)), L("Fax", 0, 1, Str(21)), L("Email", 0, 1, Str(1023)), L("Cc", 0, 1, Str(1023)), L("Contact", 0, 1, Str(41)), L("AltContact", 0, 1, Str(41))), R("AdditionalContactRef", 0, 8), R("ContactsMod", 0, U), L("NameOnCheck", 0, 1, Str(41)), L("AccountNumber", 0, 1, Str(99)), L("Notes", 0, 1, Str(4095)), R("AdditionalNotesMod", 0, U), R("VendorTypeRef", 0, 1), R("TermsRef", 0, 1), R("CreditLimit", 0, 1), L("VendorTaxIdent", 0, 1, Str(15)), R("IsVendorEligibleFor1099", 0, 1), R("BillingRateRef", 0, 1), R("SalesTaxCodeRef", 0, 1), R("SalesTaxCountry", 0, 1), R("IsSalesTaxAgency", 0, 1), R("SalesTaxReturnRef", 0, 1), L("TaxRegistrationNumber", 0, 1, Str(30)), R("ReportingPeriod", 0, 1), R("IsTaxTrackedOnPurchases", 0, 1), R("TaxOnPurchasesAccountRef", 0, 1), R("IsTaxTrackedOnSales", 0, 1), R("TaxOnSalesAccountRef", 0, 1), R("IsTaxOnTax", 0, 1), R("PrefillAccountRef", 0, 3), R("CurrencyRef", 0, 1))),
        ["InvoiceAdd"] = Agg(Seq(1, 1, R("CustomerRef", 1, 1), R("ClassRef", 0, 1), R("ARAccountRef", 0, 1), R("TemplateRef", 0, 1), R("TxnDate", 0, 1), L("RefNumber", 0, 1, Str(11)), R("BillAddress", 0, 1), R("ShipAddress", 0, 1), R("IsPending", 0, 1), R("IsFinanceCharge", 0, 1), L("PONumber", 0, 1, Str(25)), R("TermsRef", 0, 1), R("DueDate", 0, 1), R("SalesRepRef", 0, 1), L("FOB", 0, 1, Str(13)), R("ShipDate", 0, 1), R("ShipMethodRef", 0, 1), R("ItemSalesTaxRef", 0, 1), L("Memo", 0, 1, Str(4095)), R("CustomerMsgRef", 0, 1), R("IsToBePrinted", 0, 1), R("IsToBeEmailed", 0, 1), R("IsTaxIncluded", 0, 1), R("CustomerSalesTaxCodeRef", 0, 1), L("Other", 0, 1, Str(29)), R("ExchangeRate", 0, 1), R("ExternalGUID", 0, 1), R("LinkToTxnID", 0, U), R("SetCredit", 0, U), Ch(0, U, R("InvoiceLineAdd", 1, 1), R("InvoiceLineGroupAdd", 1, 1)), R("DiscountLineAdd", 0, 1), R("SalesTaxLineAdd", 0, 1), R("ShippingLineAdd", 0, 1))),
        ["BillAdd"] = Agg(Seq(1, 1, R("VendorRef", 1, 1), R("VendorAddress", 0, 1), R("APAccountRef", 0, 1), R("TxnDate", 0, 1), R("DueDate", 0, 1), L("RefNumber", 0, 1, Str(20)), R("TermsRef", 0, 1), L("Memo", 0, 1, Str(4095)), R("IsTaxIncluded", 0, 1), R("SalesTaxCodeRef", 0, 1), R("ExchangeRate", 0, 1), R("ExternalGUID", 0, 1), R("LinkToTxnID", 0, U), R("ExpenseLineAdd", 0, U), Ch(0, U, R("ItemLineAdd", 1, 1), R("ItemGroupLineAdd", 1, 1)))),
        ["ReceivePaymentAdd"] = Agg(Seq(1, 1, R("CustomerRef", 1, 1), R("ARAccountRef", 0, 1), R("TxnDate", 0, 1), L("RefNumber", 0, 1, Str(20)), R("TotalAmount", 0, 1), R("ExchangeRate", 0, 1), R("PaymentMethodRef", 0, 1), L("Memo", 0, 1, Str(4095)), R("DepositToAccountRef", 0, 1), R("CreditCardTxnInfo", 0, 1), R("ExternalGUID", 0, 1), Ch(1, 1, R("IsAutoApply", 1, 1), R("AppliedToTxnAdd", 1, U)))),
        ["JournalEntryAdd"] = Agg(Seq(1, 1, R("TxnDate", 0, 1), L("RefNumber", 0, 1, Str(11)), R("Memo", 0, 1), R("IsAdjustment", 0, 1), Ch(0, 1, R("IsHomeCurrencyAdjustment", 1, 1), Seq(1, 1, R("IsAmountsEnteredInHomeCurrency", 0, 1), R("CurrencyRef", 0, 1), R("ExchangeRate", 0, 1))), R("ExternalGUID", 0, 1), Ch(1, U, R("JournalDebitLine", 1, 1), R("JournalCreditLine", 1, 1)))),
        ["IsActive"] = Bool,
        ["ClassRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["ParentRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), R("FullName", 0, 1)))),
        ["Suffix"] = Str(),
        ["BillAddress"] = Agg(Seq(1, 1, Seq(1, 1, L("Addr1", 0, 1, Str(41)), L("Addr2", 0, 1, Str(41)), L("Addr3", 0, 1, Str(41)), L("Addr4", 0, 1, Str(41)), L("Addr5", 0, 1, Str(41)), L("City", 0, 1, Str(31)), L("State", 0, 1, Str(21)), L("PostalCode", 0, 1, Str(13)), L("Country", 0, 1, Str(31)), L("Note", 0, 1, Str(41))))),
        ["ShipAddress"] = Agg(Seq(1, 1, Seq(1, 1, L("Addr1", 0, 1, Str(41)), L("Addr2", 0, 1, Str(41)), L("Addr3", 0, 1, Str(41)), L("Addr4", 0, 1, Str(41)), L("Addr5", 0, 1, Str(41)), L("City", 0, 1, Str(31)), L("State", 0, 1, Str(21)), L("PostalCode", 0, 1, Str(13)), L("Country", 0, 1, Str(31)), L("Note", 0, 1, Str(41))))),
        ["ShipToAddress"] = Agg(Seq(1, 1, Seq(1, 1, L("Name", 1, 1, Str(41)), L("Addr1", 0, 1, Str(41)), L("Addr2", 0, 1, Str(41)), L("Addr3", 0, 1, Str(41)), L("Addr4", 0, 1, Str(41)), L("Addr5", 0, 1, Str(41)), L("City", 0, 1, Str(31)), L("State", 0, 1, Str(21)), L("PostalCode", 0, 1, Str(13)), L("Country", 0, 1, Str(31)), L("Note", 0, 1, Str(41)), R("DefaultShipTo", 0, 1)))),
        ["AdditionalContactRef"] = Agg(Seq(1, 1, Seq(1, 1, L("ContactName", 1, 1, Str(40)), L("ContactValue", 1, 1, Str(255))))),
        ["Contacts"] = Agg(Seq(1, 1, Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 1, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), L("JobTitle", 0, 1, Str(41)), R("AdditionalContactRef", 0, 5)))),
        ["CustomerTypeRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["TermsRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["SalesRepRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(5))))),
        ["OpenBalance"] = Amt,
        ["OpenBalanceDate"] = Date,
        ["SalesTaxCodeRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(3))))),
        ["ItemSalesTaxRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["SalesTaxCountry"] = Enum("Australia", "Canada", "UK", "US"),
        ["CreditLimit"] = Amt,
        ["PreferredPaymentMethodRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["CreditCardInfo"] = Agg(Seq(1, 1, L("CreditCardNumber", 0, 1, Str(25)), R("ExpirationMonth", 0, 1), R("ExpirationYear", 0, 1), L("NameOnCard", 0, 1, Str(41)), L("CreditCardAddress", 0, 1, Str(41)), L("CreditCardPostalCode", 0, 1, Str(41)))),
        ["JobStatus"] = Enum("Awarded", "Closed", "InProgress", "None", "NotAwarded", "Pending"),
        ["JobStartDate"] = Date,
        ["JobProjectedEndDate"] = Date,
        ["JobEndDate"] = Date,
        ["JobTypeRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["AdditionalNotes"] = Agg(Seq(1, 1, L("Note", 1, 1, Str(4095)))),
        ["IsStatementWithParent"] = Bool,
        ["DeliveryMethod"] = Enum("Email", "Fax", "Print"),
        ["PreferredDeliveryMethod"] = Enum("None", "Email", "Fax"),
        ["PriceLevelRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["ExternalGUID"] = Guid,
        ["CurrencyRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(64))))),
        ["ListID"] = Id,
        ["ContactsMod"] = Agg(Seq(1, 1, R("ListID", 0, 1), L("EditSequence", 0, 1, Str(16)), Seq(1, 1, L("Salutation", 0, 1, Str(15)), L("FirstName", 1, 1, Str(25)), L("MiddleName", 0, 1, Str(5)), L("LastName", 0, 1, Str(25)), L("JobTitle", 0, 1, Str(41)), R("AdditionalContactRef", 0, 5)))),
        ["AdditionalNotesMod"] = Agg(Seq(1, 1, R("NoteID", 1, 1), L("Note", 1, 1, Str(4095)))),
        ["VendorAddress"] = Agg(Seq(1, 1, Seq(1, 1, L("Addr1", 0, 1, Str(41)), L("Addr2", 0, 1, Str(41)), L("Addr3", 0, 1, Str(41)), L("Addr4", 0, 1, Str(41)), L("Addr5", 0, 1, Str(41)), L("City", 0, 1, Str(31)), L("State", 0, 1, Str(21)), L("PostalCode", 0, 1, Str(13)), L("Country", 0, 1, Str(31)), L("Note", 0, 1, Str(41))))),
        ["VendorTypeRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["IsVendorEligibleFor1099"] = Bool,
        ["BillingRateRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["IsSalesTaxAgency"] = Bool,
        ["SalesTaxReturnRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), R("FullName", 0, 1)))),
        ["ReportingPeriod"] = Enum("Monthly", "Quarterly"),
        ["IsTaxTrackedOnPurchases"] = Bool,
        ["TaxOnPurchasesAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["IsTaxTrackedOnSales"] = Bool,
        ["TaxOnSalesAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["IsTaxOnTax"] = Bool,
        ["PrefillAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["CustomerRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(209))))),
        ["ARAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["TemplateRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["TxnDate"] = Date,
        ["IsPending"] = Bool,
        ["IsFinanceCharge"] = Bool,
        ["DueDate"] = Date,
        ["ShipDate"] = Date,
        ["ShipMethodRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(15))))),
        ["CustomerMsgRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(101))))),
        ["IsToBePrinted"] = Bool,
        ["IsToBeEmailed"] = Bool,
        ["IsTaxIncluded"] = Bool,
        ["CustomerSalesTaxCodeRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(3))))),
        ["ExchangeRate"] = Float,
        ["LinkToTxnID"] = Id,
        ["SetCredit"] = Agg(Seq(1, 1, L("CreditTxnID", 1, 1, Id), R("TxnLineID", 0, 1), R("AppliedAmount", 1, 1), R("Override", 0, 1))),
        ["InvoiceLineAdd"] = Agg(Seq(1, 1, Seq(1, 1, R("ItemRef", 0, 1), L("Desc", 0, 1, Str(4095)), R("Quantity", 0, 1), L("UnitOfMeasure", 0, 1, Str(31)), Ch(0, 1, R("Rate", 1, 1), R("RatePercent", 1, 1), R("PriceLevelRef", 1, 1)), R("ClassRef", 0, 1), R("Amount", 0, 1), R("TaxAmount", 0, 1)), R("OptionForPriceRuleConflict", 0, 1), R("InventorySiteRef", 0, 1), R("InventorySiteLocationRef", 0, 1), Ch(0, 1, L("SerialNumber", 0, 1, Str(4095)), L("LotNumber", 0, 1, Str(40))), R("ServiceDate", 0, 1), R("SalesTaxCodeRef", 0, 1), R("IsTaxable", 0, 1), R("OverrideItemAccountRef", 0, 1), L("Other1", 0, 1, Str(29)), L("Other2", 0, 1, Str(29)), R("LinkToTxn", 0, 1), R("DataExt", 0, U))),
        ["InvoiceLineGroupAdd"] = Agg(Seq(1, 1, Seq(1, 1, R("ItemGroupRef", 1, 1), R("Desc", 0, 1), R("Quantity", 0, 1), L("UnitOfMeasure", 0, 1, Str(31))), R("ServiceDate", 0, 1), R("InventorySiteRef", 0, 1), R("InventorySiteLocationRef", 0, 1), R("DataExt", 0, U))),
        ["DiscountLineAdd"] = Agg(Seq(1, 1, Ch(0, 1, R("Amount", 1, 1), R("RatePercent", 1, 1)), R("IsTaxable", 0, 1), R("AccountRef", 0, 1))),
        ["SalesTaxLineAdd"] = Agg(Seq(1, 1, Ch(0, 1, R("Amount", 1, 1), R("RatePercent", 1, 1)), R("AccountRef", 0, 1))),
        ["ShippingLineAdd"] = Agg(Seq(1, 1, R("Amount", 1, 1), R("AccountRef", 0, 1))),
        ["VendorRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(41))))),
        ["APAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["ExpenseLineAdd"] = Agg(Seq(1, 1, R("AccountRef", 0, 1), R("Amount", 0, 1), R("TaxAmount", 0, 1), L("Memo", 0, 1, Str(4095)), R("CustomerRef", 0, 1), R("ClassRef", 0, 1), R("SalesTaxCodeRef", 0, 1), R("BillableStatus", 0, 1), R("SalesRepRef", 0, 1), R("DataExt", 0, U))),
        ["ItemLineAdd"] = Agg(Seq(1, 1, R("ItemRef", 0, 1), R("InventorySiteRef", 0, 1), R("InventorySiteLocationRef", 0, 1), Ch(0, 1, L("SerialNumber", 0, 1, Str(4095)), L("LotNumber", 0, 1, Str(40))), L("Desc", 0, 1, Str(4095)), R("Quantity", 0, 1), L("UnitOfMeasure", 0, 1, Str(31)), R("Cost", 0, 1), R("Amount", 0, 1), R("TaxAmount", 0, 1), R("CustomerRef", 0, 1), R("ClassRef", 0, 1), R("SalesTaxCodeRef", 0, 1), R("BillableStatus", 0, 1), R("OverrideItemAccountRef", 0, 1), R("LinkToTxn", 0, 1), R("SalesRepRef", 0, 1), R("DataExt", 0, U))),
        ["ItemGroupLineAdd"] = Agg(Seq(1, 1, Seq(1, 1, R("ItemGroupRef", 1, 1), R("Desc", 0, 1), R("Quantity", 0, 1), L("UnitOfMeasure", 0, 1, Str(31))), R("InventorySiteRef", 0, 1), R("InventorySiteLocationRef", 0, 1), R("DataExt", 0, U))),
        ["TotalAmount"] = Amt,
        ["PaymentMethodRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["DepositToAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["CreditCardTxnInfo"] = Agg(Seq(1, 1, R("CreditCardTxnInputInfo", 1, 1), R("CreditCardTxnResultInfo", 1, 1))),
        ["IsAutoApply"] = Bool,
        ["AppliedToTxnAdd"] = Agg(Seq(1, 1, L("TxnID", 1, 1, Id), R("PaymentAmount", 0, 1), R("TxnLineDetail", 0, U), R("SetCredit", 0, U), R("DiscountAmount", 0, 1), R("DiscountAccountRef", 0, 1), R("DiscountClassRef", 0, 1))),
        ["Memo"] = Str(),
        ["IsAdjustment"] = Bool,
        ["IsHomeCurrencyAdjustment"] = Bool,
        ["IsAmountsEnteredInHomeCurrency"] = Bool,
        ["JournalDebitLine"] = Agg(Seq(1, 1, R("TxnLineID", 0, 1), R("AccountRef", 0, 1), R("Amount", 0, 1), R("TaxAmount", 0, 1), L("Memo", 0, 1, Str(4095)), R("EntityRef", 0, 1), R("ClassRef", 0, 1), R("ItemSalesTaxRef", 0, 1), R("BillableStatus", 0, 1))),
        ["JournalCreditLine"] = Agg(Seq(1, 1, R("TxnLineID", 0, 1), R("AccountRef", 0, 1), R("Amount", 0, 1), R("TaxAmount", 0, 1), L("Memo", 0, 1, Str(4095)), R("EntityRef", 0, 1), R("ClassRef", 0, 1), R("ItemSalesTaxRef", 0, 1), R("BillableStatus", 0, 1))),
        ["FullName"] = Str(),
        ["DefaultShipTo"] = Bool,
        ["ExpirationMonth"] = IntRange(1, 12),
        ["ExpirationYear"] = Int,
        ["NoteID"] = Int,
        ["TxnLineID"] = Id,
        ["AppliedAmount"] = Amt,
        ["Override"] = Bool,
        ["ItemRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), R("FullName", 0, 1)))),
        ["Quantity"] = Quan,
        ["Rate"] = Price,
        ["RatePercent"] = Pct,
        ["Amount"] = Amt,
        ["TaxAmount"] = Amt,
        ["OptionForPriceRuleConflict"] = Enum("Zero", "BasePrice"),
        ["InventorySiteRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["InventorySiteLocationRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["ServiceDate"] = Date,
        ["IsTaxable"] = Bool,
        ["OverrideItemAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["LinkToTxn"] = Agg(Seq(1, 1, R("TxnID", 1, 1), R("TxnLineID", 1, 1))),
        ["DataExt"] = Agg(Seq(1, 1, R("OwnerID", 1, 1), L("DataExtName", 1, 1, Str(31)), R("DataExtValue", 1, 1))),
        ["ItemGroupRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(31))))),
        ["Desc"] = Str(),
        ["AccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["BillableStatus"] = Enum("Billable", "NotBillable", "HasBeenBilled"),
        ["Cost"] = Price,
        ["CreditCardTxnInputInfo"] = Agg(Seq(1, 1, L("CreditCardNumber", 1, 1, Str(25)), R("ExpirationMonth", 1, 1), R("ExpirationYear", 1, 1), L("NameOnCard", 1, 1, Str(41)), L("CreditCardAddress", 0, 1, Str(41)), L("CreditCardPostalCode", 0, 1, Str(18)), L("CommercialCardCode", 0, 1, Str(24)), R("TransactionMode", 0, 1), R("CreditCardTxnType", 0, 1))),
        ["CreditCardTxnResultInfo"] = Agg(Seq(1, 1, R("ResultCode", 1, 1), L("ResultMessage", 1, 1, Str(60)), L("CreditCardTransID", 1, 1, Str(24)), L("MerchantAccountNumber", 1, 1, Str(32)), L("AuthorizationCode", 0, 1, Str(12)), R("AVSStreet", 0, 1), R("AVSZip", 0, 1), R("CardSecurityCodeMatch", 0, 1), L("ReconBatchID", 0, 1, Str(84)), R("PaymentGroupingCode", 0, 1), R("PaymentStatus", 1, 1), R("TxnAuthorizationTime", 1, 1), R("TxnAuthorizationStamp", 0, 1), L("ClientTransID", 0, 1, Str(16)))),
        ["PaymentAmount"] = Amt,
        ["TxnLineDetail"] = Agg(Seq(1, 1, R("TxnLineID", 1, 1), R("Amount", 1, 1))),
        ["DiscountAmount"] = Amt,
        ["DiscountAccountRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["DiscountClassRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(159))))),
        ["EntityRef"] = Agg(Seq(1, 1, Seq(1, 1, R("ListID", 0, 1), L("FullName", 0, 1, Str(209))))),
        ["TxnID"] = Id,
        ["OwnerID"] = Guid,
        ["DataExtValue"] = Str(),
        ["TransactionMode"] = Enum("CardNotPresent", "CardPresent"),
        ["CreditCardTxnType"] = Enum("Authorization", "Capture", "Charge", "Refund", "VoiceAuthorization"),
        ["ResultCode"] = Int,
        ["AVSStreet"] = Enum("Pass", "Fail", "NotAvailable"),
        ["AVSZip"] = Enum("Pass", "Fail", "NotAvailable"),
        ["CardSecurityCodeMatch"] = Enum("Pass", "Fail", "NotAvailable"),
        ["PaymentGroupingCode"] = Int,
        ["PaymentStatus"] = Enum("Unknown", "Completed"),
        ["TxnAuthorizationTime"] = DateTime,
        ["TxnAuthorizationStamp"] = Int,

    };

    private static QbSchemaType Str(int? maxLength = null) => QbSchemaType.Leaf(QbValueKind.Str, maxLength);

    private static QbSchemaType IntRange(long min, long max) => QbSchemaType.IntRange(min, max);

    private static QbSchemaType Enum(params string[] values) => QbSchemaType.Enumeration(values);

    private static QbSchemaType Agg(QbParticle content) => QbSchemaType.Aggregate(content);

    private static QbElementParticle R(string name, int min, int max) => new(name, min, max, null);

    private static QbElementParticle L(string name, int min, int max, QbSchemaType type) => new(name, min, max, type);

    private static QbGroupParticle Seq(int min, int max, params QbParticle[] items) => new(false, min, max, items);

    private static QbGroupParticle Ch(int min, int max, params QbParticle[] items) => new(true, min, max, items);
}
#pragma warning restore MA0051
