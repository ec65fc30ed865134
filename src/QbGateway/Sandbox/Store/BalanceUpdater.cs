using System.Globalization;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>
/// Keeps the stored balances (customer and vendor Balance, account Balance) consistent with the
/// transactions: a customer's balance is what its invoices still owe less its unused credits,
/// a vendor's what its bills still owe, an account's the sum of its postings.
/// </summary>
internal static class BalanceUpdater
{
    private static readonly string[] CreditNormal = ["AccountsPayable", "CreditCard", "OtherCurrentLiability", "LongTermLiability", "Equity", "Income", "OtherIncome"];

    public static void UpdateAll(CompanyStore store)
    {
        UpdateEntities(store, "Customer");
        UpdateEntities(store, "Vendor");
        UpdateAccounts(store);
    }

    /// <summary>Recomputes one customer's or vendor's balance (after a write touched its transactions).</summary>
    public static void UpdateEntity(CompanyStore store, string entityId)
    {
        var record = store.FindById(entityId);
        if (record is null || record.Type is not ("Customer" or "Vendor"))
        {
            return;
        }

        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT open_amount FROM records WHERE entity_id = $id";
        command.Parameters.AddWithValue("$id", entityId);
        decimal balance = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                balance += decimal.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            }
        }

        SetBalance(store, record, balance);
    }

    private static void UpdateEntities(CompanyStore store, string type)
    {
        long lastRowId = 0;
        while (true)
        {
            var batch = new List<(StoredRecord Record, decimal Balance)>(1000);
            using (var command = store.Connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT r.rowid, r.type, r.id, r.edit_seq, r.time_created, r.time_modified, r.name, r.ref_number, r.txn_date, r.is_active, r.entity_id, r.amount, r.open_amount, r.body,
                        (SELECT ROUND(TOTAL(CAST(t.open_amount AS REAL)), 2) FROM records t WHERE t.entity_id = r.id)
                    FROM records r WHERE r.type = $type AND r.rowid > $last ORDER BY r.rowid LIMIT 1000
                    """;
                command.Parameters.AddWithValue("$type", type);
                command.Parameters.AddWithValue("$last", lastRowId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    batch.Add((CompanyStore.ReadRecord(reader), (decimal)reader.GetDouble(14)));
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            foreach (var (record, balance) in batch)
            {
                SetBalance(store, record, balance);
                lastRowId = record.RowId;
            }
        }
    }

    private static void SetBalance(CompanyStore store, StoredRecord record, decimal balance)
    {
        var body = RetBody.Parse(record.Body);
        var text = QbFormat.Amount(balance);
        var order = RetOrder.For(record.Type + "Ret");
        RetBody.SetChild(body, order, "Balance", text);
        if (record.Type == "Customer")
        {
            RetBody.SetChild(body, order, "TotalBalance", text);
        }

        record.Body = RetBody.Serialize(body);
        store.Update(record);
    }

    private static void UpdateAccounts(CompanyStore store)
    {
        var sums = store.SumPostings(int.MinValue, int.MaxValue);
        var accounts = store.Query(new RecordFilter { Types = ["Account"] }, null, int.MaxValue);
        foreach (var account in accounts)
        {
            var body = RetBody.Parse(account.Body);
            var accountType = body.Element("AccountType")?.Value ?? string.Empty;
            var sum = sums.GetValueOrDefault(account.Id);
            var balance = CreditNormal.Contains(accountType) ? -sum : sum;
            var order = RetOrder.For("AccountRet");
            RetBody.SetChild(body, order, "Balance", QbFormat.Amount(balance));
            RetBody.SetChild(body, order, "TotalBalance", QbFormat.Amount(balance));
            account.Body = RetBody.Serialize(body);
            store.Update(account);
        }
    }

    public static bool IsCreditNormal(string accountType) => CreditNormal.Contains(accountType);
}
