using System.Globalization;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Generation;

public sealed partial class CompanyGenerator
{
    private readonly List<Posting> _postings = new(16);

    private readonly record struct SaleLine(ItemInfo Item, decimal Quantity, decimal Amount, int? ClassIndex);

    private long PickCustomer(long time) => _random.Long(0, CreatedBefore(time, _counts.Customers, 0.9) - 1);

    private long PickVendor(long time) => _random.Long(0, CreatedBefore(time, _counts.Vendors, 0.8) - 1);

    private ItemInfo PickItem(long time, bool forPurchase)
    {
        var max = CreatedBefore(time, _counts.Items, 0.3);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var item = Item(_random.Long(0, max - 1));
            if (!forPurchase || item.Kind is "Inventory" or "NonInventory")
            {
                return item;
            }
        }

        return Item(0);
    }

    private int? PickClass() => _random.Bool(0.4f) ? _random.Int(0, Math.Min(5, _counts.Classes - 1)) : null;

    private List<SaleLine> SaleLines(long time)
    {
        var count = _random.Int(1, 5);
        var lines = new List<SaleLine>(count);
        for (var i = 0; i < count; i++)
        {
            var item = PickItem(time, forPurchase: false);
            var quantity = item.Kind == "Service" ? _random.Int(1, 16) : _random.Int(1, 10);
            lines.Add(new SaleLine(item, quantity, item.Price * quantity, PickClass()));
        }

        return lines;
    }

    private void WriteSaleLines(string lineElement, List<SaleLine> lines, long created, DateOnly date)
    {
        foreach (var line in lines)
        {
            var (taxId, taxName) = TaxCodeRef(line.Item.Taxable);
            _ret.Begin(lineElement).El("TxnLineID", NewLineId(created)).Ref("ItemRef", line.Item.Id, line.Item.Name).El("Desc", line.Item.Name)
                .El("Quantity", QbFormat.Quantity(line.Quantity)).Amount("Rate", line.Item.Price);
            if (line.ClassIndex is { } c)
            {
                var (classId, className) = ClassRef(c);
                _ret.Ref("ClassRef", classId, className);
            }

            _ret.Amount("Amount", line.Amount);
            if (line.Item.Kind == "Service")
            {
                _ret.El("ServiceDate", QbFormat.Date(date));
            }

            _ret.Ref("SalesTaxCodeRef", taxId, taxName).End();
        }
    }

    private (decimal Subtotal, decimal Tax) Totals(List<SaleLine> lines, bool customerTaxable)
    {
        decimal subtotal = 0, taxable = 0;
        foreach (var line in lines)
        {
            subtotal += line.Amount;
            if (line.Item.Taxable)
            {
                taxable += line.Amount;
            }
        }

        return (subtotal, customerTaxable ? Math.Round(taxable * TaxRate / 100m, 2) : 0m);
    }

    private void AddIncomePostings(List<SaleLine> lines, int day, int sign)
    {
        foreach (var line in lines)
        {
            _postings.Add(new Posting(AccountRef(line.Item.IncomeAccount).Id, day, -sign * line.Amount));
        }
    }

    private void InsertTxn(SandboxDataType type, string id, (long Created, long Modified, string EditSequence, DateOnly TxnDate) times,
        string? refNumber, string? entityId, decimal amount, decimal openAmount, string body)
    {
        var record = new StoredRecord
        {
            Type = type.Name,
            Id = id,
            EditSequence = times.EditSequence,
            TimeCreated = times.Created,
            TimeModified = times.Modified,
            RefNumber = refNumber,
            TxnDate = QbFormat.Date(times.TxnDate),
            EntityId = entityId,
            Amount = amount,
            OpenAmount = openAmount,
            Body = body,
        };
        Insert(record);
        foreach (var posting in _postings)
        {
            _inserter.InsertPosting(id, posting);
        }

        _postings.Clear();
    }

    private string TxnNumber() => (_txnNumber++).ToString(CultureInfo.InvariantCulture);

    private void GenerateInvoicesAndPayments()
    {
        var (arId, arName) = AccountRef(ChartOfAccounts.AccountsReceivable);
        var (udfId, udfName) = AccountRef(ChartOfAccounts.UndepositedFunds);
        var (taxItemId, taxItemName) = TaxItemRef();
        var asOfDate = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(_end).ToOffset(_offset).DateTime);
        for (long i = 0; i < _counts.Invoices; i++)
        {
            var times = TxnTimes(i, _counts.Invoices);
            var customerIndex = PickCustomer(times.Created);
            var (customerId, customerName) = CustomerRef(customerIndex);
            var customerTaxable = Hash(52, customerIndex) % 10 != 0;
            var termsIndex = 1 + (int)(Hash(51, customerIndex) % 3);
            var (termsId, termsName) = TermsRef(termsIndex);
            var dueDate = times.TxnDate.AddDays(Terms[termsIndex].DueDays);
            var lines = SaleLines(times.Created);
            var (subtotal, tax) = Totals(lines, customerTaxable);
            var total = subtotal + tax;
            var refNumber = (1000 + i).ToString(CultureInfo.InvariantCulture);
            var id = NewTxnId(times.Created);

            // Most invoices get paid 5 to 60 days later; a payment dated after "today" has not happened yet.
            var paymentDate = times.TxnDate.AddDays(_random.Int(5, 60));
            var roll = _random.Int(0, 99);
            var paid = paymentDate <= asOfDate && roll < 92 ? (roll < 85 ? total : Math.Round(total / 2, 2)) : 0m;
            var balance = total - paid;
            var (customerTaxId, customerTaxName) = TaxCodeRef(customerTaxable);

            _ret.El("TxnNumber", TxnNumber()).Ref("CustomerRef", customerId, customerName).Ref("ARAccountRef", arId, arName)
                .El("TxnDate", QbFormat.Date(times.TxnDate)).El("RefNumber", refNumber).Bool("IsPending", false).Bool("IsFinanceCharge", false)
                .Ref("TermsRef", termsId, termsName).El("DueDate", QbFormat.Date(dueDate)).Amount("Subtotal", subtotal)
                .Ref("ItemSalesTaxRef", taxItemId, taxItemName).El("SalesTaxPercentage", QbFormat.Percent(TaxRate)).Amount("SalesTaxTotal", tax)
                .Amount("AppliedAmount", -paid).Amount("BalanceRemaining", balance).Bool("IsPaid", balance == 0m)
                .Bool("IsToBePrinted", false).Bool("IsToBeEmailed", false).Ref("CustomerSalesTaxCodeRef", customerTaxId, customerTaxName);
            WriteSaleLines("InvoiceLineRet", lines, times.Created, times.TxnDate);
            var day = DayNumber(times.TxnDate);
            _postings.Add(new Posting(arId, day, total));
            AddIncomePostings(lines, day, 1);
            _postings.Add(new Posting(AccountRef(ChartOfAccounts.SalesTaxPayable).Id, day, -tax));
            InsertTxn(SandboxDataType.Invoice, id, times, refNumber, customerId, total, balance, _ret.Finish());

            if (paid > 0m)
            {
                var paymentCreated = Math.Min(_end, LocalToUnix(paymentDate, 10) + _random.Int(0, 6 * 3600));
                var paymentTimes = (paymentCreated, paymentCreated, paymentCreated.ToString(CultureInfo.InvariantCulture), paymentDate);
                var paymentId = NewTxnId(paymentCreated);
                var paymentRef = (5000 + i).ToString(CultureInfo.InvariantCulture);
                _ret.El("TxnNumber", TxnNumber()).Ref("CustomerRef", customerId, customerName).Ref("ARAccountRef", arId, arName)
                    .El("TxnDate", QbFormat.Date(paymentDate)).El("RefNumber", paymentRef).Amount("TotalAmount", paid)
                    .Ref("DepositToAccountRef", udfId, udfName).Amount("UnusedPayment", 0m).Amount("UnusedCredits", 0m)
                    .Begin("AppliedToTxnRet").El("TxnID", id).El("TxnType", "Invoice").El("TxnDate", QbFormat.Date(times.TxnDate))
                    .El("RefNumber", refNumber).Amount("BalanceRemaining", balance).Amount("Amount", paid).End();
                var paymentDay = DayNumber(paymentDate);
                _postings.Add(new Posting(udfId, paymentDay, paid));
                _postings.Add(new Posting(arId, paymentDay, -paid));
                InsertTxn(SandboxDataType.ReceivePayment, paymentId, paymentTimes, paymentRef, customerId, paid, 0m, _ret.Finish());
            }
        }
    }

    private void GenerateCreditMemos()
    {
        var (arId, arName) = AccountRef(ChartOfAccounts.AccountsReceivable);
        var (taxItemId, taxItemName) = TaxItemRef();
        for (long i = 0; i < _counts.CreditMemos; i++)
        {
            var times = TxnTimes(i, _counts.CreditMemos);
            var customerIndex = PickCustomer(times.Created);
            var (customerId, customerName) = CustomerRef(customerIndex);
            var customerTaxable = Hash(52, customerIndex) % 10 != 0;
            var lines = SaleLines(times.Created);
            lines.RemoveRange(1, lines.Count - 1);
            var (subtotal, tax) = Totals(lines, customerTaxable);
            var total = subtotal + tax;
            var refNumber = "CM-" + (100 + i).ToString(CultureInfo.InvariantCulture);
            var (customerTaxId, customerTaxName) = TaxCodeRef(customerTaxable);
            _ret.El("TxnNumber", TxnNumber()).Ref("CustomerRef", customerId, customerName).Ref("ARAccountRef", arId, arName)
                .El("TxnDate", QbFormat.Date(times.TxnDate)).El("RefNumber", refNumber).Bool("IsPending", false)
                .Amount("Subtotal", subtotal).Ref("ItemSalesTaxRef", taxItemId, taxItemName).El("SalesTaxPercentage", QbFormat.Percent(TaxRate))
                .Amount("SalesTaxTotal", tax).Amount("TotalAmount", total).Amount("CreditRemaining", total)
                .El("Memo", "Returned goods").Bool("IsToBePrinted", false).Bool("IsToBeEmailed", false)
                .Ref("CustomerSalesTaxCodeRef", customerTaxId, customerTaxName);
            WriteSaleLines("CreditMemoLineRet", lines, times.Created, times.TxnDate);
            var day = DayNumber(times.TxnDate);
            _postings.Add(new Posting(arId, day, -total));
            AddIncomePostings(lines, day, -1);
            _postings.Add(new Posting(AccountRef(ChartOfAccounts.SalesTaxPayable).Id, day, tax));
            InsertTxn(SandboxDataType.CreditMemo, NewTxnId(times.Created), times, refNumber, customerId, total, -total, _ret.Finish());
        }
    }

    private void GenerateSalesReceipts()
    {
        var (udfId, udfName) = AccountRef(ChartOfAccounts.UndepositedFunds);
        var (taxItemId, taxItemName) = TaxItemRef();
        for (long i = 0; i < _counts.SalesReceipts; i++)
        {
            var times = TxnTimes(i, _counts.SalesReceipts);
            var customerIndex = PickCustomer(times.Created);
            var (customerId, customerName) = CustomerRef(customerIndex);
            var customerTaxable = Hash(52, customerIndex) % 10 != 0;
            var lines = SaleLines(times.Created);
            var (subtotal, tax) = Totals(lines, customerTaxable);
            var total = subtotal + tax;
            var refNumber = "SR-" + (1 + i).ToString(CultureInfo.InvariantCulture);
            var (customerTaxId, customerTaxName) = TaxCodeRef(customerTaxable);
            _ret.El("TxnNumber", TxnNumber()).Ref("CustomerRef", customerId, customerName).El("TxnDate", QbFormat.Date(times.TxnDate))
                .El("RefNumber", refNumber).Bool("IsPending", false).Amount("Subtotal", subtotal).Ref("ItemSalesTaxRef", taxItemId, taxItemName)
                .El("SalesTaxPercentage", QbFormat.Percent(TaxRate)).Amount("SalesTaxTotal", tax).Amount("TotalAmount", total)
                .Bool("IsToBePrinted", false).Bool("IsToBeEmailed", false).Ref("CustomerSalesTaxCodeRef", customerTaxId, customerTaxName)
                .Ref("DepositToAccountRef", udfId, udfName);
            WriteSaleLines("SalesReceiptLineRet", lines, times.Created, times.TxnDate);
            var day = DayNumber(times.TxnDate);
            _postings.Add(new Posting(udfId, day, total));
            AddIncomePostings(lines, day, 1);
            _postings.Add(new Posting(AccountRef(ChartOfAccounts.SalesTaxPayable).Id, day, -tax));
            InsertTxn(SandboxDataType.SalesReceipt, NewTxnId(times.Created), times, refNumber, customerId, total, 0m, _ret.Finish());
        }
    }

    private void WriteExpenseLines(long created, int day, decimal total, int lineCount, List<Posting> postings)
    {
        var remaining = total;
        for (var l = 0; l < lineCount; l++)
        {
            var amount = l == lineCount - 1 ? remaining : Math.Round(total / lineCount, 2);
            remaining -= amount;
            var account = _random.Int(ChartOfAccounts.FirstExpense, ChartOfAccounts.LastExpense);
            var (accountId, accountName) = AccountRef(account);
            _ret.Begin("ExpenseLineRet").El("TxnLineID", NewLineId(created)).Ref("AccountRef", accountId, accountName).Amount("Amount", amount);
            if (PickClass() is { } c)
            {
                var (classId, className) = ClassRef(c);
                _ret.Ref("ClassRef", classId, className);
            }

            _ret.End();
            postings.Add(new Posting(accountId, day, amount));
        }
    }

    private void GenerateBillsAndPayments()
    {
        var (apId, apName) = AccountRef(ChartOfAccounts.AccountsPayable);
        var (bankId, bankName) = AccountRef(ChartOfAccounts.Checking);
        var (assetId, _) = AccountRef(ChartOfAccounts.InventoryAsset);
        var asOfDate = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(_end).ToOffset(_offset).DateTime);
        for (long i = 0; i < _counts.Bills; i++)
        {
            var times = TxnTimes(i, _counts.Bills);
            var vendorIndex = PickVendor(times.Created);
            var (vendorId, vendorName) = VendorRef(vendorIndex);
            var (termsId, termsName) = TermsRef(2);
            var id = NewTxnId(times.Created);
            var refNumber = "B" + (7000 + i).ToString(CultureInfo.InvariantCulture);
            var day = DayNumber(times.TxnDate);
            var expenseTotal = Math.Round(20m + (_random.Int(0, 200000) / 100m), 2);
            var withItems = _random.Bool(0.3f);
            var item = withItems ? PickItem(times.Created, forPurchase: true) : default;
            var quantity = withItems ? _random.Int(1, 20) : 0;
            var itemTotal = withItems ? item.Cost * quantity : 0m;
            var total = expenseTotal + itemTotal;
            var paymentDate = times.TxnDate.AddDays(_random.Int(10, 45));
            var paid = paymentDate <= asOfDate && _random.Int(0, 99) < 90 ? total : 0m;
            _ret.El("TxnNumber", TxnNumber()).Ref("VendorRef", vendorId, vendorName).Ref("APAccountRef", apId, apName)
                .El("TxnDate", QbFormat.Date(times.TxnDate)).El("DueDate", QbFormat.Date(times.TxnDate.AddDays(30))).Amount("AmountDue", total)
                .El("RefNumber", refNumber).Ref("TermsRef", termsId, termsName).Bool("IsPaid", paid == total);
            WriteExpenseLines(times.Created, day, expenseTotal, _random.Int(1, 3), _postings);
            if (withItems)
            {
                _ret.Begin("ItemLineRet").El("TxnLineID", NewLineId(times.Created)).Ref("ItemRef", item.Id, item.Name).El("Desc", item.Name)
                    .El("Quantity", QbFormat.Quantity(quantity)).Amount("Cost", item.Cost).Amount("Amount", itemTotal).End();
                _postings.Add(new Posting(item.Kind == "Inventory" ? assetId : AccountRef(ChartOfAccounts.CostOfGoodsSold).Id, day, itemTotal));
            }

            _ret.Amount("OpenAmount", total - paid);
            _postings.Add(new Posting(apId, day, -total));
            InsertTxn(SandboxDataType.Bill, id, times, refNumber, vendorId, total, total - paid, _ret.Finish());

            if (paid > 0m)
            {
                var paymentCreated = Math.Min(_end, LocalToUnix(paymentDate, 11) + _random.Int(0, 5 * 3600));
                var paymentTimes = (paymentCreated, paymentCreated, paymentCreated.ToString(CultureInfo.InvariantCulture), paymentDate);
                var checkNumber = (3000 + i).ToString(CultureInfo.InvariantCulture);
                _ret.El("TxnNumber", TxnNumber()).Ref("PayeeEntityRef", vendorId, vendorName).Ref("APAccountRef", apId, apName)
                    .El("TxnDate", QbFormat.Date(paymentDate)).Ref("BankAccountRef", bankId, bankName).Amount("Amount", paid)
                    .El("RefNumber", checkNumber).Bool("IsToBePrinted", false)
                    .Begin("AppliedToTxnRet").El("TxnID", id).El("TxnType", "Bill").El("TxnDate", QbFormat.Date(times.TxnDate))
                    .El("RefNumber", refNumber).Amount("BalanceRemaining", 0m).Amount("Amount", paid).End();
                var paymentDay = DayNumber(paymentDate);
                _postings.Add(new Posting(apId, paymentDay, paid));
                _postings.Add(new Posting(bankId, paymentDay, -paid));
                InsertTxn(SandboxDataType.BillPaymentCheck, NewTxnId(paymentCreated), paymentTimes, checkNumber, vendorId, paid, 0m, _ret.Finish());
            }
        }
    }

    private void GenerateChecks()
    {
        var (bankId, bankName) = AccountRef(ChartOfAccounts.Checking);
        for (long i = 0; i < _counts.Checks; i++)
        {
            var times = TxnTimes(i, _counts.Checks);
            var (vendorId, vendorName) = VendorRef(PickVendor(times.Created));
            var total = Math.Round(10m + (_random.Int(0, 150000) / 100m), 2);
            var refNumber = (10000 + i).ToString(CultureInfo.InvariantCulture);
            var day = DayNumber(times.TxnDate);
            _ret.El("TxnNumber", TxnNumber()).Ref("AccountRef", bankId, bankName).Ref("PayeeEntityRef", vendorId, vendorName)
                .El("RefNumber", refNumber).El("TxnDate", QbFormat.Date(times.TxnDate)).Amount("Amount", total).Bool("IsToBePrinted", false);
            WriteExpenseLines(times.Created, day, total, _random.Int(1, 2), _postings);
            _postings.Add(new Posting(bankId, day, -total));
            InsertTxn(SandboxDataType.Check, NewTxnId(times.Created), times, refNumber, vendorId, total, 0m, _ret.Finish());
        }
    }

    private void GeneratePurchaseOrders()
    {
        for (long i = 0; i < _counts.PurchaseOrders; i++)
        {
            var times = TxnTimes(i, _counts.PurchaseOrders);
            var (vendorId, vendorName) = VendorRef(PickVendor(times.Created));
            var refNumber = "PO-" + (100 + i).ToString(CultureInfo.InvariantCulture);
            var lineCount = _random.Int(1, 4);
            var received = times.TxnDate.AddDays(20) < DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(_end).DateTime);
            _ret.El("TxnNumber", TxnNumber()).Ref("VendorRef", vendorId, vendorName).El("TxnDate", QbFormat.Date(times.TxnDate))
                .El("RefNumber", refNumber).El("ExpectedDate", QbFormat.Date(times.TxnDate.AddDays(14)));
            decimal total = 0;
            var lines = new List<(ItemInfo Item, int Quantity)>(lineCount);
            for (var l = 0; l < lineCount; l++)
            {
                var item = PickItem(times.Created, forPurchase: true);
                var quantity = _random.Int(1, 50);
                lines.Add((item, quantity));
                total += item.Cost * quantity;
            }

            _ret.Amount("TotalAmount", total).Bool("IsManuallyClosed", false).Bool("IsFullyReceived", received)
                .Bool("IsToBePrinted", false).Bool("IsToBeEmailed", false);
            foreach (var (item, quantity) in lines)
            {
                _ret.Begin("PurchaseOrderLineRet").El("TxnLineID", NewLineId(times.Created)).Ref("ItemRef", item.Id, item.Name).El("Desc", item.Name)
                    .El("Quantity", QbFormat.Quantity(quantity)).Amount("Rate", item.Cost).Amount("Amount", item.Cost * quantity)
                    .El("ReceivedQuantity", QbFormat.Quantity(received ? quantity : 0)).Bool("IsManuallyClosed", false).End();
            }

            InsertTxn(SandboxDataType.PurchaseOrder, NewTxnId(times.Created), times, refNumber, vendorId, total, 0m, _ret.Finish());
        }
    }

    private void GenerateDeposits()
    {
        var (bankId, bankName) = AccountRef(ChartOfAccounts.Checking);
        var (udfId, udfName) = AccountRef(ChartOfAccounts.UndepositedFunds);
        for (long i = 0; i < _counts.Deposits; i++)
        {
            var times = TxnTimes(i, _counts.Deposits);
            var day = DayNumber(times.TxnDate);
            var lineCount = _random.Int(1, 4);
            _ret.El("TxnNumber", TxnNumber()).El("TxnDate", QbFormat.Date(times.TxnDate)).Ref("DepositToAccountRef", bankId, bankName)
                .El("Memo", "Deposit");
            var amounts = new decimal[lineCount];
            for (var l = 0; l < lineCount; l++)
            {
                amounts[l] = Math.Round(50m + (_random.Int(0, 300000) / 100m), 2);
            }

            _ret.Amount("DepositTotal", amounts.Sum());
            foreach (var amount in amounts)
            {
                var (customerId, customerName) = CustomerRef(PickCustomer(times.Created));
                _ret.Begin("DepositLineRet").El("TxnLineID", NewLineId(times.Created)).Ref("EntityRef", customerId, customerName)
                    .Ref("AccountRef", udfId, udfName).Amount("Amount", amount).End();
            }

            _postings.Add(new Posting(bankId, day, amounts.Sum()));
            _postings.Add(new Posting(udfId, day, -amounts.Sum()));
            InsertTxn(SandboxDataType.Deposit, NewTxnId(times.Created), times, null, null, amounts.Sum(), 0m, _ret.Finish());
        }
    }

    private void GenerateJournalEntries()
    {
        for (long i = 0; i < _counts.JournalEntries; i++)
        {
            var times = TxnTimes(i, _counts.JournalEntries);
            var day = DayNumber(times.TxnDate);
            var amount = Math.Round(100m + (_random.Int(0, 500000) / 100m), 2);
            var debit = _random.Int(ChartOfAccounts.FirstExpense, ChartOfAccounts.LastExpense);
            var credit = _random.Bool() ? ChartOfAccounts.Checking : ChartOfAccounts.PayrollLiabilities;
            var (debitId, debitName) = AccountRef(debit);
            var (creditId, creditName) = AccountRef(credit);
            var refNumber = "JE-" + (1 + i).ToString(CultureInfo.InvariantCulture);
            _ret.El("TxnNumber", TxnNumber()).El("TxnDate", QbFormat.Date(times.TxnDate)).El("RefNumber", refNumber)
                .El("Memo", "Month-end adjustment").Bool("IsAdjustment", _random.Bool(0.3f))
                .Begin("JournalDebitLine").El("TxnLineID", NewLineId(times.Created)).Ref("AccountRef", debitId, debitName).Amount("Amount", amount).El("Memo", "Accrual").End()
                .Begin("JournalCreditLine").El("TxnLineID", NewLineId(times.Created)).Ref("AccountRef", creditId, creditName).Amount("Amount", amount).El("Memo", "Accrual").End();
            _postings.Add(new Posting(debitId, day, amount));
            _postings.Add(new Posting(creditId, day, -amount));
            InsertTxn(SandboxDataType.JournalEntry, NewTxnId(times.Created), times, refNumber, null, amount, 0m, _ret.Finish());
        }
    }

    private void GenerateDeleteHistory()
    {
        // Half of the deletes happened in the last 90 days (what QuickBooks still reports), half earlier.
        var listTypes = new[] { SandboxDataType.Customer, SandboxDataType.Vendor, SandboxDataType.ItemService, SandboxDataType.Class };
        var txnTypes = new[] { SandboxDataType.Invoice, SandboxDataType.Bill, SandboxDataType.Check, SandboxDataType.JournalEntry, SandboxDataType.SalesReceipt };
        for (long i = 0; i < _counts.DeletedLists + _counts.DeletedTxns; i++)
        {
            var isList = i < _counts.DeletedLists;
            var type = isList ? listTypes[i % listTypes.Length] : txnTypes[i % txnTypes.Length];
            var recent = i % 2 == 0;
            var deletedAt = recent ? _end - _random.Long(0, 85 * Day) : _end - _random.Long(95 * Day, 3 * 365 * Day);
            var created = Math.Max(_start, deletedAt - _random.Long(Day, 400 * Day));
            var id = QbFormat.Id(isList, _counter++, created);
            var name = isList
                ? type == SandboxDataType.Customer ? $"{NameBook.Customer(_counts.Customers + i)} (closed)"
                : type == SandboxDataType.Vendor ? $"{NameBook.Vendor(_counts.Vendors + i)} (closed)"
                : type == SandboxDataType.Class ? $"Old class {i + 1}"
                : $"Retired service {i + 1}"
                : null;
            var refNumber = isList ? null : "D-" + (1 + i).ToString(CultureInfo.InvariantCulture);
            _inserter.InsertDeleted(new DeletedRecord(type.Name, id, created, deletedAt, name, refNumber));
            _deleted++;
            Tick();
        }
    }
}
