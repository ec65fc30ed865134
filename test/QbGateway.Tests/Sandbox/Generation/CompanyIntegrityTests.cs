using System.Globalization;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Tests.Sandbox.Generation;

/// <summary>A generated company is internally consistent: references resolve, balances add up, deletes are recorded.</summary>
public sealed class CompanyIntegrityTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private readonly SandboxTempDirectory _dir = new();
    private readonly string _file;

    public CompanyIntegrityTests()
    {
        _file = _dir.File("company.qbw.db");
        CompanyGenerator.Generate(_file, new GenerationOptions { Seed = 21, Scale = 2_000, AsOf = AsOf });
    }

    [Fact]
    public void Every_reference_resolves_to_an_existing_record_of_the_right_kind()
    {
        using var store = CompanyStore.Open(_file);
        var all = store.Query(new RecordFilter { Types = [.. SandboxDataType.All.Select(t => t.Name)] }, null, int.MaxValue);
        var byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var checkedRefs = 0;
        foreach (var record in all)
        {
            var body = RetBody.Parse(record.Body);
            foreach (var reference in body.Descendants().Where(e => e.Name.LocalName.EndsWith("Ref", StringComparison.Ordinal)))
            {
                var id = reference.Element("ListID")!.Value;
                byId.Should().ContainKey(id, $"{record.Type} {record.Id} references {reference.Name.LocalName} {id}");
                byId[id].Name.Should().Be(reference.Element("FullName")!.Value);
                checkedRefs++;
            }

            foreach (var applied in body.Elements("AppliedToTxnRet"))
            {
                var target = byId[applied.Element("TxnID")!.Value];
                target.Type.Should().Be(applied.Element("TxnType")!.Value);
                target.EntityId.Should().Be(record.EntityId);
            }
        }

        checkedRefs.Should().BeGreaterThan(1_000);
    }

    [Fact]
    public void Balances_are_consistent_with_the_transactions()
    {
        using var store = CompanyStore.Open(_file);
        var invoices = store.Query(new RecordFilter { Types = ["Invoice"] }, null, int.MaxValue);
        var payments = store.Query(new RecordFilter { Types = ["ReceivePayment"] }, null, int.MaxValue);
        var creditMemos = store.Query(new RecordFilter { Types = ["CreditMemo"] }, null, int.MaxValue);
        var customers = store.Query(new RecordFilter { Types = ["Customer"] }, null, int.MaxValue);
        decimal Value(StoredRecord r, string name) => decimal.Parse(RetBody.Parse(r.Body).Element(name)!.Value, CultureInfo.InvariantCulture);

        var paidPerInvoice = payments.SelectMany(p => RetBody.Parse(p.Body).Elements("AppliedToTxnRet"))
            .GroupBy(a => a.Element("TxnID")!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(a => decimal.Parse(a.Element("Amount")!.Value, CultureInfo.InvariantCulture)));
        foreach (var invoice in invoices)
        {
            var body = RetBody.Parse(invoice.Body);
            var lines = body.Elements("InvoiceLineRet").Sum(l => decimal.Parse(l.Element("Amount")!.Value, CultureInfo.InvariantCulture));
            Value(invoice, "Subtotal").Should().Be(lines);
            var total = Value(invoice, "Subtotal") + Value(invoice, "SalesTaxTotal");
            var remaining = Value(invoice, "BalanceRemaining");
            remaining.Should().Be(total - paidPerInvoice.GetValueOrDefault(invoice.Id));
            body.Element("IsPaid")!.Value.Should().Be(remaining == 0m ? "true" : "false");
        }

        var remainders = invoices.Select(i => Value(i, "BalanceRemaining")).ToList();
        remainders.Should().Contain(0m).And.Contain(r => r > 0m);
        foreach (var customer in customers)
        {
            var owed = invoices.Where(i => i.EntityId == customer.Id).Sum(i => Value(i, "BalanceRemaining"))
                - creditMemos.Where(c => c.EntityId == customer.Id).Sum(c => Value(c, "CreditRemaining"));
            Value(customer, "Balance").Should().Be(owed, customer.Name);
        }

        foreach (var entry in store.Query(new RecordFilter { Types = ["JournalEntry"] }, null, int.MaxValue))
        {
            var body = RetBody.Parse(entry.Body);
            body.Elements("JournalDebitLine").Sum(l => decimal.Parse(l.Element("Amount")!.Value, CultureInfo.InvariantCulture))
                .Should().Be(body.Elements("JournalCreditLine").Sum(l => decimal.Parse(l.Element("Amount")!.Value, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void History_spreads_over_years_with_inactive_records_and_deletes_old_and_recent()
    {
        using var store = CompanyStore.Open(_file);
        var asOf = new DateTimeOffset(AsOf.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(-5)).ToUnixTimeSeconds();
        var records = store.Query(new RecordFilter { Types = [.. SandboxDataType.All.Select(t => t.Name)] }, null, int.MaxValue);
        var years = records.Select(r => DateTimeOffset.FromUnixTimeSeconds(r.TimeModified).Year).Distinct().Count();
        years.Should().BeGreaterThanOrEqualTo(5);
        records.Should().Contain(r => r.TimeModified > r.TimeCreated);
        records.Where(r => r.Type == "Customer").Should().Contain(r => !r.IsActive);

        var deleted = store.QueryDeleted([.. SandboxDataType.All.Select(t => t.Name)], 0, long.MaxValue);
        deleted.Should().Contain(d => d.TimeDeleted > asOf - (90 * 86_400)).And.Contain(d => d.TimeDeleted < asOf - (90 * 86_400));
        deleted.Should().OnlyContain(d => d.TimeCreated < d.TimeDeleted && store.FindById(d.Id) == null);
    }

    public void Dispose() => _dir.Dispose();
}
