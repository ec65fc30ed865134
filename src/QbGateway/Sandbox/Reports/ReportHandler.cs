using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Reports;

/// <summary>
/// GeneralSummaryReportQuery for the balance sheet and the profit and loss, computed from the postings
/// of the stored transactions (accrual basis; roughly what QuickBooks shows, by account, with subtotals).
/// </summary>
internal static class ReportHandler
{
    private const string ResponseName = "GeneralSummaryReportQueryRs";

    private static readonly string[] IncomeTypes = ["Income"];
    private static readonly string[] CogsTypes = ["CostOfGoodsSold"];
    private static readonly string[] ExpenseTypes = ["Expense"];
    private static readonly string[] OtherIncomeTypes = ["OtherIncome"];
    private static readonly string[] OtherExpenseTypes = ["OtherExpense"];
    private static readonly string[] AssetTypes = ["Bank", "AccountsReceivable", "OtherCurrentAsset", "FixedAsset", "OtherAsset"];
    private static readonly string[] LiabilityTypes = ["AccountsPayable", "CreditCard", "OtherCurrentLiability", "LongTermLiability"];
    private static readonly string[] EquityTypes = ["Equity"];

    private sealed record Account(string Id, string Name, string Type);

    private sealed record Row(string Kind, string Label, decimal? Amount, bool IsAccount = false);

    public static RequestResult Handle(XElement request, SessionContext context)
    {
        var requestId = (string?)request.Attribute("requestID");
        var type = request.Element("GeneralSummaryReportType")!.Value.Trim();
        if (type is not ("BalanceSheetStandard" or "ProfitAndLossStandard"))
        {
            return RequestResult.Status(ResponseName, requestId, 3250, "Warn", StatusMessages.NotSimulated(type));
        }

        var period = Period(request, context, type == "BalanceSheetStandard");
        if (period.Error is { } error)
        {
            return RequestResult.Status(ResponseName, requestId, error.Code, "Error", error.Message);
        }

        var (from, to) = (period.From, period.To);
        var accounts = context.Store.Query(new RecordFilter { Types = ["Account"] }, null, int.MaxValue)
            .Select(a => new Account(a.Id, a.Name ?? string.Empty, RetBody.Parse(a.Body).Element("AccountType")?.Value ?? string.Empty))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var rows = type == "ProfitAndLossStandard"
            ? ProfitAndLoss(context.Store.SumPostings(from.DayNumber, to.DayNumber), accounts)
            : BalanceSheet(context, accounts, to);
        var title = type == "ProfitAndLossStandard" ? "Profit & Loss" : "Balance Sheet";
        var subtitle = type == "ProfitAndLossStandard"
            ? string.Create(CultureInfo.InvariantCulture, $"{from:MMMM d, yyyy} through {to:MMMM d, yyyy}")
            : string.Create(CultureInfo.InvariantCulture, $"As of {to:MMMM d, yyyy}");
        var basis = request.Element("ReportBasis")?.Value.Trim() is { Length: > 0 } b && b != "None" ? b : "Accrual";
        return new RequestResult
        {
            ResponseName = ResponseName,
            RequestId = requestId,
            RecordsReturned = rows.Count,
            Body = writer => Write(writer, title, subtitle, basis, rows),
        };
    }

    private static List<Row> ProfitAndLoss(Dictionary<string, decimal> sums, List<Account> accounts)
    {
        var rows = new List<Row>();
        var income = Section(rows, "Income", accounts, IncomeTypes, sums, negate: true);
        var cogs = Section(rows, "Cost of Goods Sold", accounts, CogsTypes, sums, negate: false);
        rows.Add(new Row("Subtotal", "Gross Profit", income - cogs));
        var expense = Section(rows, "Expense", accounts, ExpenseTypes, sums, negate: false);
        rows.Add(new Row("Subtotal", "Net Ordinary Income", income - cogs - expense));
        var otherIncome = Section(rows, "Other Income", accounts, OtherIncomeTypes, sums, negate: true);
        var otherExpense = Section(rows, "Other Expense", accounts, OtherExpenseTypes, sums, negate: false);
        rows.Add(new Row("Total", "Net Income", income - cogs - expense + otherIncome - otherExpense));
        return rows;
    }

    private static List<Row> BalanceSheet(SessionContext context, List<Account> accounts, DateOnly asOf)
    {
        var fiscalStart = FiscalYearStart(context, asOf);
        var balances = context.Store.SumPostings(int.MinValue, asOf.DayNumber);
        var thisYear = context.Store.SumPostings(fiscalStart.DayNumber, asOf.DayNumber);
        decimal ProfitOf(Dictionary<string, decimal> sums) =>
            -accounts.Where(a => IncomeTypes.Concat(CogsTypes).Concat(ExpenseTypes).Concat(OtherIncomeTypes).Concat(OtherExpenseTypes).Contains(a.Type))
                .Sum(a => sums.GetValueOrDefault(a.Id));
        var netIncome = ProfitOf(thisYear);
        var retained = ProfitOf(balances) - netIncome;

        var rows = new List<Row>();
        var assets = Section(rows, "ASSETS", accounts, AssetTypes, balances, negate: false, total: "TOTAL ASSETS");
        var liabilities = Section(rows, "Liabilities", accounts, LiabilityTypes, balances, negate: true);
        rows.Add(new Row("Text", "Equity", null));
        decimal equity = 0;
        foreach (var account in accounts.Where(a => EquityTypes.Contains(a.Type)))
        {
            var amount = -balances.GetValueOrDefault(account.Id) + (account.Name == "Retained Earnings" ? retained : 0m);
            equity += amount;
            rows.Add(new Row("Data", account.Name, amount, IsAccount: true));
        }

        rows.Add(new Row("Data", "Net Income", netIncome));
        equity += netIncome;
        rows.Add(new Row("Subtotal", "Total Equity", equity));
        rows.Add(new Row("Total", "TOTAL LIABILITIES & EQUITY", liabilities + equity));
        _ = assets;
        return rows;
    }

    private static decimal Section(List<Row> rows, string title, List<Account> accounts, string[] types, Dictionary<string, decimal> sums, bool negate, string? total = null)
    {
        rows.Add(new Row("Text", title, null));
        decimal sum = 0;
        foreach (var account in accounts.Where(a => types.Contains(a.Type)))
        {
            var amount = sums.GetValueOrDefault(account.Id) * (negate ? -1 : 1);
            if (amount == 0m)
            {
                continue;
            }

            sum += amount;
            rows.Add(new Row("Data", account.Name, amount, IsAccount: true));
        }

        rows.Add(new Row(total is null ? "Subtotal" : "Total", total ?? "Total " + title, sum));
        return sum;
    }

    private static void Write(XmlWriter writer, string title, string subtitle, string basis, List<Row> rows)
    {
        writer.WriteStartElement("ReportRet");
        writer.WriteElementString("ReportTitle", title);
        writer.WriteElementString("ReportSubtitle", subtitle);
        writer.WriteElementString("ReportBasis", basis);
        writer.WriteElementString("NumRows", rows.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("NumColumns", "2");
        writer.WriteElementString("NumColTitleRows", "1");
        WriteColumn(writer, 1, "STRTYPE", string.Empty, "Label");
        WriteColumn(writer, 2, "AMTTYPE", "TOTAL", "Amount");
        writer.WriteStartElement("ReportData");
        var number = 1;
        foreach (var row in rows)
        {
            var rowNumber = (number++).ToString(CultureInfo.InvariantCulture);
            switch (row.Kind)
            {
                case "Text":
                    writer.WriteStartElement("TextRow");
                    writer.WriteAttributeString("rowNumber", rowNumber);
                    writer.WriteAttributeString("value", row.Label);
                    writer.WriteEndElement();
                    break;
                default:
                    writer.WriteStartElement(row.Kind + "Row");
                    writer.WriteAttributeString("rowNumber", rowNumber);
                    if (row.IsAccount)
                    {
                        writer.WriteStartElement("RowData");
                        writer.WriteAttributeString("rowType", "account");
                        writer.WriteAttributeString("value", row.Label);
                        writer.WriteEndElement();
                    }

                    WriteCell(writer, 1, row.Label);
                    WriteCell(writer, 2, QbFormat.Amount(row.Amount ?? 0m));
                    writer.WriteEndElement();
                    break;
            }
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteColumn(XmlWriter writer, int id, string dataType, string title, string colType)
    {
        writer.WriteStartElement("ColDesc");
        writer.WriteAttributeString("colID", id.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("dataType", dataType);
        writer.WriteStartElement("ColTitle");
        writer.WriteAttributeString("titleRow", "1");
        writer.WriteAttributeString("value", title);
        writer.WriteEndElement();
        writer.WriteElementString("ColType", colType);
        writer.WriteEndElement();
    }

    private static void WriteCell(XmlWriter writer, int id, string value)
    {
        writer.WriteStartElement("ColData");
        writer.WriteAttributeString("colID", id.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("value", value);
        writer.WriteEndElement();
    }

    private static DateOnly FiscalYearStart(SessionContext context, DateOnly date)
    {
        var month = DateTime.ParseExact(context.Company.FirstMonthFiscalYear is { Length: > 0 } m ? m : "January", "MMMM", CultureInfo.InvariantCulture).Month;
        var start = new DateOnly(date.Year, month, 1);
        return start > date ? start.AddYears(-1) : start;
    }

    private sealed record PeriodResult(DateOnly From, DateOnly To, (int Code, string Message)? Error);

    private static PeriodResult Period(XElement request, SessionContext context, bool balanceSheet)
    {
        var today = context.Today;
        if (request.Element("ReportPeriod") is { } period)
        {
            var fromText = period.Element("FromReportDate")?.Value;
            var toText = period.Element("ToReportDate")?.Value;
            DateOnly from = DateOnly.MinValue, to = today;
            if (fromText is not null && !QbFormat.TryParseDate(fromText, out from))
            {
                return new PeriodResult(default, default, (3020, StatusMessages.BadDate(fromText, "FromReportDate")));
            }

            if (toText is not null && !QbFormat.TryParseDate(toText, out to))
            {
                return new PeriodResult(default, default, (3020, StatusMessages.BadDate(toText, "ToReportDate")));
            }

            if (fromText is null)
            {
                from = balanceSheet ? DateOnly.MinValue : new DateOnly(to.Year, 1, 1);
            }

            return from > to
                ? new PeriodResult(default, default, (3030, StatusMessages.DateRange(fromText!, toText ?? QbFormat.Date(to))))
                : new PeriodResult(from, to, null);
        }

        var macro = request.Element("ReportDateMacro")?.Value.Trim() ?? "ThisMonthToDate";
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var quarterStart = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var (f, t) = macro switch
        {
            "All" => (DateOnly.MinValue, today),
            "Today" => (today, today),
            "Yesterday" => (today.AddDays(-1), today.AddDays(-1)),
            "ThisMonth" => (monthStart, monthStart.AddMonths(1).AddDays(-1)),
            "ThisQuarter" => (quarterStart, quarterStart.AddMonths(3).AddDays(-1)),
            "ThisQuarterToDate" => (quarterStart, today),
            "ThisYear" => (yearStart, yearStart.AddYears(1).AddDays(-1)),
            "ThisYearToDate" => (yearStart, today),
            "LastMonth" => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            "LastMonthToDate" => (monthStart.AddMonths(-1), today.AddMonths(-1)),
            "LastQuarter" => (quarterStart.AddMonths(-3), quarterStart.AddDays(-1)),
            "LastYear" => (yearStart.AddYears(-1), yearStart.AddDays(-1)),
            "LastYearToDate" => (yearStart.AddYears(-1), today.AddYears(-1)),
            _ => (monthStart, today),
        };
        return new PeriodResult(f, t, null);
    }
}
