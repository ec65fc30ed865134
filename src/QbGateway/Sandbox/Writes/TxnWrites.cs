using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Writes;

/// <summary>InvoiceAdd, BillAdd, ReceivePaymentAdd, JournalEntryAdd: totals, balances and postings kept consistent.</summary>
internal static class TxnWrites
{
    public static RequestResult InvoiceAdd(XElement request, SessionContext context)
    {
        var add = request.Element("InvoiceAdd")!;
        const string inType = "Invoice";
        var customer = WriteSupport.Resolve(context, add.Element("CustomerRef")!, inType);
        var ar = add.Element("ARAccountRef") is { } arRef ? WriteSupport.Resolve(context, arRef, inType) : SpecialAccount(context, "AccountsReceivable");
        var txnDate = WriteSupport.Date(add.Element("TxnDate"), context.Today);
        var now = context.Now;
        var id = QbFormat.Id(isList: false, context.Store.NextCounter(), now);
        var refNumber = add.Element("RefNumber")?.Value ?? context.Store.NextTxnNumber().ToString(CultureInfo.InvariantCulture);
        var postings = new List<Posting>();
        var day = txnDate.DayNumber;

        using var ret = new RetBuilder();
        var lines = new List<(StoredRecord Item, XElement Line, decimal Amount)>();
        decimal subtotal = 0;
        foreach (var line in add.Elements("InvoiceLineAdd"))
        {
            var item = WriteSupport.Resolve(context, line.Element("ItemRef") ?? throw new WriteRejected(3150, "There is a missing element: \"ItemRef\"."), inType);
            var quantity = line.Element("Quantity") is { } q ? WriteSupport.Amount(q, "Quantity") : 1m;
            var rate = WriteSupport.Amount(line.Element("Rate"), "Rate");
            var amount = line.Element("Amount") is { } a ? WriteSupport.Amount(a, "Amount") : Math.Round(quantity * rate, 2);
            lines.Add((item, line, amount));
            subtotal += amount;
            var income = IncomeAccount(context, item);
            if (income is not null)
            {
                postings.Add(new Posting(income, day, -amount));
            }
        }

        var taxItem = add.Element("ItemSalesTaxRef") is { } taxRef ? WriteSupport.Resolve(context, taxRef, inType) : null;
        var rateText = taxItem is null ? null : RetBody.Parse(taxItem.Body).Element("TaxRate")?.Value;
        var taxRate = rateText is not null && QbFormat.TryParseAmount(rateText, out var r) ? r : 0m;
        var taxable = lines.Where(l => IsTaxable(context, l.Line, l.Item)).Sum(l => l.Amount);
        var tax = Math.Round(taxable * taxRate / 100m, 2);
        var total = subtotal + tax;

        ret.El("TxnNumber", context.Store.NextTxnNumber().ToString(CultureInfo.InvariantCulture)).Ref("CustomerRef", customer.Id, customer.Name);
        RefIfPresent(ret, context, add, "ClassRef", inType);
        ret.Ref("ARAccountRef", ar.Id, ar.Name).El("TxnDate", QbFormat.Date(txnDate)).El("RefNumber", refNumber).Bool("IsPending", false).Bool("IsFinanceCharge", false);
        ret.El("PONumber", add.Element("PONumber")?.Value);
        RefIfPresent(ret, context, add, "TermsRef", inType);
        ret.El("DueDate", QbFormat.Date(WriteSupport.Date(add.Element("DueDate"), txnDate.AddDays(30)))).Amount("Subtotal", subtotal);
        if (taxItem is not null)
        {
            ret.Ref("ItemSalesTaxRef", taxItem.Id, taxItem.Name).El("SalesTaxPercentage", QbFormat.Percent(taxRate));
        }

        ret.Amount("SalesTaxTotal", tax).Amount("AppliedAmount", 0m).Amount("BalanceRemaining", total).El("Memo", add.Element("Memo")?.Value)
            .Bool("IsPaid", total == 0m).Bool("IsToBePrinted", false).Bool("IsToBeEmailed", false);
        RefIfPresent(ret, context, add, "CustomerSalesTaxCodeRef", inType);
        ret.El("ExternalGUID", add.Element("ExternalGUID")?.Value);
        var lineNumber = 0;
        foreach (var (item, line, amount) in lines)
        {
            ret.Begin("InvoiceLineRet").El("TxnLineID", QbFormat.Id(isList: false, context.Store.NextCounter(), now + lineNumber++))
                .Ref("ItemRef", item.Id, item.Name).El("Desc", line.Element("Desc")?.Value).El("Quantity", line.Element("Quantity")?.Value).El("Rate", line.Element("Rate")?.Value);
            RefIfPresent(ret, context, line, "ClassRef", inType);
            ret.Amount("Amount", amount);
            RefIfPresent(ret, context, line, "SalesTaxCodeRef", inType);
            ret.End();
        }

        postings.Add(new Posting(ar.Id, day, total));
        if (tax != 0m)
        {
            postings.Add(new Posting(SpecialAccount(context, "SalesTaxPayable").Id, day, -tax));
        }

        var record = NewTxn(context, "Invoice", id, now, txnDate, refNumber, customer.Id, total, total, ret.Finish());
        context.Store.ReplacePostings(id, postings);
        BalanceUpdater.UpdateEntity(context.Store, customer.Id);
        return WriteSupport.Success("InvoiceAddRs", request, record, context.Company.UtcOffset);
    }

    public static RequestResult BillAdd(XElement request, SessionContext context)
    {
        var add = request.Element("BillAdd")!;
        const string inType = "Bill";
        var vendor = WriteSupport.Resolve(context, add.Element("VendorRef")!, inType);
        var ap = add.Element("APAccountRef") is { } apRef ? WriteSupport.Resolve(context, apRef, inType) : SpecialAccount(context, "AccountsPayable");
        var txnDate = WriteSupport.Date(add.Element("TxnDate"), context.Today);
        var now = context.Now;
        var id = QbFormat.Id(isList: false, context.Store.NextCounter(), now);
        var day = txnDate.DayNumber;
        var postings = new List<Posting>();
        using var lines = new RetBuilder();
        decimal total = 0;
        var lineNumber = 0;
        foreach (var line in add.Elements("ExpenseLineAdd"))
        {
            var account = WriteSupport.Resolve(context, line.Element("AccountRef") ?? throw new WriteRejected(3150, "There is a missing element: \"AccountRef\"."), inType);
            var amount = WriteSupport.Amount(line.Element("Amount"), "Amount");
            total += amount;
            postings.Add(new Posting(account.Id, day, amount));
            lines.Begin("ExpenseLineRet").El("TxnLineID", QbFormat.Id(isList: false, context.Store.NextCounter(), now + lineNumber++))
                .Ref("AccountRef", account.Id, account.Name).Amount("Amount", amount).El("Memo", line.Element("Memo")?.Value);
            RefIfPresent(lines, context, line, "CustomerRef", inType);
            RefIfPresent(lines, context, line, "ClassRef", inType);
            lines.End();
        }

        foreach (var line in add.Elements("ItemLineAdd"))
        {
            var item = WriteSupport.Resolve(context, line.Element("ItemRef") ?? throw new WriteRejected(3150, "There is a missing element: \"ItemRef\"."), inType);
            var quantity = line.Element("Quantity") is { } q ? WriteSupport.Amount(q, "Quantity") : 1m;
            var cost = WriteSupport.Amount(line.Element("Cost"), "Cost");
            var amount = line.Element("Amount") is { } a ? WriteSupport.Amount(a, "Amount") : Math.Round(quantity * cost, 2);
            total += amount;
            postings.Add(new Posting(SpecialAccount(context, "CostOfGoodsSold").Id, day, amount));
            lines.Begin("ItemLineRet").El("TxnLineID", QbFormat.Id(isList: false, context.Store.NextCounter(), now + lineNumber++))
                .Ref("ItemRef", item.Id, item.Name).El("Desc", line.Element("Desc")?.Value).El("Quantity", line.Element("Quantity")?.Value)
                .El("Cost", line.Element("Cost")?.Value).Amount("Amount", amount).End();
        }

        var refNumber = add.Element("RefNumber")?.Value;
        using var ret = new RetBuilder();
        ret.El("TxnNumber", context.Store.NextTxnNumber().ToString(CultureInfo.InvariantCulture)).Ref("VendorRef", vendor.Id, vendor.Name)
            .Ref("APAccountRef", ap.Id, ap.Name).El("TxnDate", QbFormat.Date(txnDate))
            .El("DueDate", QbFormat.Date(WriteSupport.Date(add.Element("DueDate"), txnDate.AddDays(30)))).Amount("AmountDue", total).El("RefNumber", refNumber);
        RefIfPresent(ret, context, add, "TermsRef", inType);
        ret.El("Memo", add.Element("Memo")?.Value).Bool("IsPaid", total == 0m).El("ExternalGUID", add.Element("ExternalGUID")?.Value);
        var body = ret.Finish() + lines.Finish();
        using var tail = new RetBuilder();
        body += tail.Amount("OpenAmount", total).Finish();
        postings.Add(new Posting(ap.Id, day, -total));
        var record = NewTxn(context, "Bill", id, now, txnDate, refNumber, vendor.Id, total, total, body);
        context.Store.ReplacePostings(id, postings);
        BalanceUpdater.UpdateEntity(context.Store, vendor.Id);
        return WriteSupport.Success("BillAddRs", request, record, context.Company.UtcOffset);
    }

    public static RequestResult ReceivePaymentAdd(XElement request, SessionContext context)
    {
        var add = request.Element("ReceivePaymentAdd")!;
        const string inType = "ReceivePayment";
        var customer = WriteSupport.Resolve(context, add.Element("CustomerRef")!, inType);
        var ar = add.Element("ARAccountRef") is { } arRef ? WriteSupport.Resolve(context, arRef, inType) : SpecialAccount(context, "AccountsReceivable");
        var depositTo = add.Element("DepositToAccountRef") is { } dRef ? WriteSupport.Resolve(context, dRef, inType) : SpecialAccount(context, "UndepositedFunds");
        var txnDate = WriteSupport.Date(add.Element("TxnDate"), context.Today);
        var now = context.Now;
        var totalAmount = WriteSupport.Amount(add.Element("TotalAmount"), "TotalAmount");

        var applications = new List<(StoredRecord Invoice, decimal Amount)>();
        if (add.Element("IsAutoApply")?.Value == "true")
        {
            var remaining = totalAmount;
            var open = context.Store.Query(new RecordFilter { Types = ["Invoice"], EntityIds = [customer.Id] }, null, int.MaxValue)
                .Where(i => i.OpenAmount > 0).OrderBy(i => i.TxnDate, StringComparer.Ordinal);
            foreach (var invoice in open)
            {
                if (remaining <= 0)
                {
                    break;
                }

                var amount = Math.Min(remaining, invoice.OpenAmount);
                applications.Add((invoice, amount));
                remaining -= amount;
            }
        }
        else
        {
            foreach (var applied in add.Elements("AppliedToTxnAdd"))
            {
                var txnId = applied.Element("TxnID")!.Value.Trim();
                var invoice = context.Store.FindById(txnId);
                if (invoice is null || invoice.Type != "Invoice" || invoice.EntityId != customer.Id)
                {
                    throw new WriteRejected(3140, StatusMessages.InvalidReference("Invoice", txnId, inType));
                }

                var amount = WriteSupport.Amount(applied.Element("PaymentAmount"), "PaymentAmount");
                if (amount > invoice.OpenAmount)
                {
                    throw new WriteRejected(3210, StatusMessages.InvalidValue("PaymentAmount", QbFormat.Amount(amount)));
                }

                applications.Add((invoice, amount));
            }
        }

        var appliedTotal = applications.Sum(a => a.Amount);
        if (add.Element("TotalAmount") is null)
        {
            totalAmount = appliedTotal;
        }

        var unused = totalAmount - appliedTotal;
        if (unused < 0)
        {
            throw new WriteRejected(3210, StatusMessages.InvalidValue("TotalAmount", QbFormat.Amount(totalAmount)));
        }

        var id = QbFormat.Id(isList: false, context.Store.NextCounter(), now);
        var refNumber = add.Element("RefNumber")?.Value;
        using var ret = new RetBuilder();
        ret.El("TxnNumber", context.Store.NextTxnNumber().ToString(CultureInfo.InvariantCulture)).Ref("CustomerRef", customer.Id, customer.Name)
            .Ref("ARAccountRef", ar.Id, ar.Name).El("TxnDate", QbFormat.Date(txnDate)).El("RefNumber", refNumber).Amount("TotalAmount", totalAmount)
            .El("Memo", add.Element("Memo")?.Value).Ref("DepositToAccountRef", depositTo.Id, depositTo.Name)
            .Amount("UnusedPayment", unused).Amount("UnusedCredits", 0m).El("ExternalGUID", add.Element("ExternalGUID")?.Value);
        foreach (var (invoice, amount) in applications)
        {
            var balance = invoice.OpenAmount - amount;
            ret.Begin("AppliedToTxnRet").El("TxnID", invoice.Id).El("TxnType", "Invoice").El("TxnDate", invoice.TxnDate).El("RefNumber", invoice.RefNumber)
                .Amount("BalanceRemaining", balance).Amount("Amount", amount).End();
            ApplyToInvoice(context, invoice, amount, now);
        }

        var day = txnDate.DayNumber;
        var record = NewTxn(context, "ReceivePayment", id, now, txnDate, refNumber, customer.Id, totalAmount, -unused, ret.Finish());
        context.Store.ReplacePostings(id, [new Posting(depositTo.Id, day, totalAmount), new Posting(ar.Id, day, -totalAmount)]);
        BalanceUpdater.UpdateEntity(context.Store, customer.Id);
        return WriteSupport.Success("ReceivePaymentAddRs", request, record, context.Company.UtcOffset);
    }

    public static RequestResult JournalEntryAdd(XElement request, SessionContext context)
    {
        var add = request.Element("JournalEntryAdd")!;
        const string inType = "JournalEntry";
        var txnDate = WriteSupport.Date(add.Element("TxnDate"), context.Today);
        var now = context.Now;
        var day = txnDate.DayNumber;
        var postings = new List<Posting>();
        decimal debits = 0, credits = 0;
        using var ret = new RetBuilder();
        var refNumber = add.Element("RefNumber")?.Value;
        ret.El("TxnNumber", context.Store.NextTxnNumber().ToString(CultureInfo.InvariantCulture)).El("TxnDate", QbFormat.Date(txnDate)).El("RefNumber", refNumber)
            .El("Memo", add.Element("Memo")?.Value).El("IsAdjustment", add.Element("IsAdjustment")?.Value ?? "false").El("ExternalGUID", add.Element("ExternalGUID")?.Value);
        var lineNumber = 0;
        foreach (var line in add.Elements().Where(e => e.Name.LocalName is "JournalDebitLine" or "JournalCreditLine"))
        {
            var isDebit = line.Name.LocalName == "JournalDebitLine";
            var account = WriteSupport.Resolve(context, line.Element("AccountRef") ?? throw new WriteRejected(3150, "There is a missing element: \"AccountRef\"."), inType);
            var amount = WriteSupport.Amount(line.Element("Amount"), "Amount");
            if (isDebit)
            {
                debits += amount;
            }
            else
            {
                credits += amount;
            }

            postings.Add(new Posting(account.Id, day, isDebit ? amount : -amount));
            ret.Begin(line.Name.LocalName).El("TxnLineID", QbFormat.Id(isList: false, context.Store.NextCounter(), now + lineNumber++))
                .Ref("AccountRef", account.Id, account.Name).Amount("Amount", amount).El("Memo", line.Element("Memo")?.Value);
            RefIfPresent(ret, context, line, "EntityRef", inType);
            RefIfPresent(ret, context, line, "ClassRef", inType);
            ret.End();
        }

        if (debits != credits)
        {
            throw new WriteRejected(3210, $"The transaction is not in balance: debits {QbFormat.Amount(debits)} and credits {QbFormat.Amount(credits)} must be equal.");
        }

        var id = QbFormat.Id(isList: false, context.Store.NextCounter(), now);
        var record = NewTxn(context, "JournalEntry", id, now, txnDate, refNumber, null, debits, 0m, ret.Finish());
        context.Store.ReplacePostings(id, postings);
        return WriteSupport.Success("JournalEntryAddRs", request, record, context.Company.UtcOffset);
    }

    /// <summary>A payment changes the invoice (BalanceRemaining, AppliedAmount, IsPaid), which gets a new EditSequence.</summary>
    private static void ApplyToInvoice(SessionContext context, StoredRecord invoice, decimal amount, long now)
    {
        var body = RetBody.Parse(invoice.Body);
        var order = RetOrder.For("InvoiceRet");
        var balance = invoice.OpenAmount - amount;
        var applied = (QbFormat.TryParseAmount(body.Element("AppliedAmount")?.Value ?? "0", out var a) ? a : 0m) - amount;
        RetBody.SetChild(body, order, "AppliedAmount", QbFormat.Amount(applied));
        RetBody.SetChild(body, order, "BalanceRemaining", QbFormat.Amount(balance));
        RetBody.SetChild(body, order, "IsPaid", QbFormat.Bool(balance == 0m));
        invoice.Body = RetBody.Serialize(body);
        invoice.OpenAmount = balance;
        invoice.EditSequence = SessionContext.NextEditSequence(now, invoice.EditSequence);
        invoice.TimeModified = Math.Max(now, invoice.TimeModified);
        context.Store.Update(invoice);
    }

    private static StoredRecord NewTxn(SessionContext context, string type, string id, long now, DateOnly txnDate, string? refNumber, string? entityId, decimal amount, decimal open, string body)
    {
        var record = new StoredRecord
        {
            Type = type,
            Id = id,
            EditSequence = SessionContext.NextEditSequence(now, null),
            TimeCreated = now,
            TimeModified = now,
            TxnDate = QbFormat.Date(txnDate),
            RefNumber = refNumber,
            EntityId = entityId,
            Amount = amount,
            OpenAmount = open,
            Body = body,
        };
        context.Store.Insert(record);
        return record;
    }

    private static void RefIfPresent(RetBuilder ret, SessionContext context, XElement parent, string name, string inType)
    {
        if (parent.Element(name) is { } reference)
        {
            var target = WriteSupport.Resolve(context, reference, inType);
            ret.Ref(name, target.Id, target.Name);
        }
    }

    private static StoredRecord SpecialAccount(SessionContext context, string special)
    {
        var accounts = context.Store.Query(new RecordFilter { Types = ["Account"] }, null, int.MaxValue);
        return accounts.FirstOrDefault(a => RetBody.Parse(a.Body).Element("SpecialAccountType")?.Value == special)
            ?? throw new WriteRejected(3140, StatusMessages.InvalidReference("Account", special, "transaction"));
    }

    private static string? IncomeAccount(SessionContext context, StoredRecord item)
    {
        var body = RetBody.Parse(item.Body);
        return (body.Element("IncomeAccountRef") ?? body.Element("SalesOrPurchase")?.Element("AccountRef"))?.Element("ListID")?.Value;
    }

    private static bool IsTaxable(SessionContext context, XElement line, StoredRecord item)
    {
        var code = line.Element("SalesTaxCodeRef") is { } r ? WriteSupport.Resolve(context, r, "Invoice") : null;
        var codeBody = code is null ? null : RetBody.Parse(code.Body);
        if (codeBody is not null)
        {
            return codeBody.Element("IsTaxable")?.Value == "true";
        }

        var itemCode = RetBody.Parse(item.Body).Element("SalesTaxCodeRef")?.Element("ListID")?.Value;
        var itemCodeRecord = itemCode is null ? null : context.Store.FindById(itemCode);
        return itemCodeRecord is not null && RetBody.Parse(itemCodeRecord.Body).Element("IsTaxable")?.Value == "true";
    }
}
