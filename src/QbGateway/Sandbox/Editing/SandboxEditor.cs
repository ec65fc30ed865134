using System.Globalization;
using System.Xml.Linq;
using Bogus;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.QbGateway.Sandbox.Writes;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.QbGateway.Sandbox.Editing;

/// <summary>What a day of bookkeeping changed.</summary>
public sealed record EditSummary(int Added, int Modified, int Deleted, IReadOnlyList<string> ChangedIds);

/// <summary>
/// A person working in QuickBooks: adds, modifications (new EditSequence and TimeModified) and deletes
/// (recorded in the delete history), deterministic from a seed. Works on the company file directly,
/// so it can run in another process while a connector's session is open.
/// </summary>
public static class SandboxEditor
{
    public static EditSummary Apply(string companyFile, int seed, int changes, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changes);
        time ??= TimeProvider.System;
        using var store = CompanyStore.Open(companyFile);
        var context = new SessionContext(store, SandboxCompany.Load(store), time, "sandbox-editor", companyFile, QbFileMode.MultiUser, automaticLogin: false);
        var random = new Randomizer(seed);
        int added = 0, modified = 0, deleted = 0;
        var ids = new List<string>();
        for (var i = 0; i < changes; i++)
        {
            using var transaction = store.BeginTransaction();
            var roll = random.Int(0, 99);
            string? id = roll switch
            {
                < 35 => ModifyEntity(context, random, "Customer"),
                < 45 => ModifyEntity(context, random, "Vendor"),
                < 55 => AddCustomer(context, random, i),
                < 80 => AddInvoice(context, random),
                < 90 => ModifyTxnMemo(context, random),
                _ => DeleteTxn(context, random),
            };
            transaction.Commit();
            if (id is null)
            {
                continue;
            }

            ids.Add(id);
            switch (roll)
            {
                case < 45 or (>= 80 and < 90):
                    modified++;
                    break;
                case < 80:
                    added++;
                    break;
                default:
                    deleted++;
                    break;
            }
        }

        return new EditSummary(added, modified, deleted, ids);
    }

    /// <summary>Changes one customer's phone number, as someone at the front desk would; returns its ListID.</summary>
    public static string ModifyCustomer(string companyFile, int seed, TimeProvider? time = null)
    {
        using var store = CompanyStore.Open(companyFile);
        var context = new SessionContext(store, SandboxCompany.Load(store), time ?? TimeProvider.System, "sandbox-editor", companyFile, QbFileMode.MultiUser, automaticLogin: false);
        using var transaction = store.BeginTransaction();
        var id = ModifyEntity(context, new Randomizer(seed), "Customer") ?? throw new InvalidOperationException("The company file has no customers.");
        transaction.Commit();
        return id;
    }

    private static StoredRecord? Pick(SessionContext context, Randomizer random, string type, Func<StoredRecord, bool>? accept = null)
    {
        var filter = new RecordFilter { Types = [type] };
        var count = context.Store.Count(filter, null);
        if (count == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var offset = random.Long(0, count - 1);
            using var command = context.Store.Connection.CreateCommand();
            command.CommandText = "SELECT rowid, type, id, edit_seq, time_created, time_modified, name, ref_number, txn_date, is_active, entity_id, amount, open_amount, body FROM records WHERE type = $t ORDER BY order_key LIMIT 1 OFFSET $o";
            command.Parameters.AddWithValue("$t", type);
            command.Parameters.AddWithValue("$o", offset);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                var record = CompanyStore.ReadRecord(reader);
                if (accept is null || accept(record))
                {
                    return record;
                }
            }
        }

        return null;
    }

    private static string? ModifyEntity(SessionContext context, Randomizer random, string type)
    {
        var record = Pick(context, random, type);
        if (record is null)
        {
            return null;
        }

        var phone = string.Create(CultureInfo.InvariantCulture, $"555-{random.Int(100, 999)}-{random.Int(1000, 9999)}");
        var request = new XElement(type + "ModRq", new XElement(type + "Mod", new XElement("ListID", record.Id), new XElement("EditSequence", record.EditSequence), new XElement("Phone", phone)));
        var result = WriteHandlers.Handle(request, context);
        return result.IsError ? null : record.Id;
    }

    private static string? AddCustomer(SessionContext context, Randomizer random, int index)
    {
        var faker = new Faker { Random = random };
        var name = string.Create(CultureInfo.InvariantCulture, $"{faker.Name.FirstName()} {faker.Name.LastName()} {context.Now % 100000}-{index}");
        var request = new XElement("CustomerAddRq", new XElement("CustomerAdd", new XElement("Name", name), new XElement("Phone", faker.Phone.PhoneNumber("###-###-####"))));
        var result = WriteHandlers.Handle(request, context);
        return result.IsError ? null : context.Store.FindByName(["Customer"], name)?.Id;
    }

    private static string? AddInvoice(SessionContext context, Randomizer random)
    {
        var customer = Pick(context, random, "Customer", c => c.IsActive);
        var item = Pick(context, random, "ItemService", i => i.IsActive) ?? Pick(context, random, "ItemNonInventory");
        if (customer is null || item is null)
        {
            return null;
        }

        var request = new XElement("InvoiceAddRq", new XElement("InvoiceAdd",
            new XElement("CustomerRef", new XElement("ListID", customer.Id)),
            new XElement("Memo", "Entered in QuickBooks"),
            new XElement("InvoiceLineAdd", new XElement("ItemRef", new XElement("ListID", item.Id)),
                new XElement("Quantity", random.Int(1, 8).ToString(CultureInfo.InvariantCulture)),
                new XElement("Rate", QbFormat.Amount(random.Int(20, 400))))));
        var result = WriteHandlers.Handle(request, context);
        if (result.IsError)
        {
            return null;
        }

        using var command = context.Store.Connection.CreateCommand();
        command.CommandText = "SELECT id FROM records WHERE type = 'Invoice' ORDER BY rowid DESC LIMIT 1";
        return command.ExecuteScalar() as string;
    }

    private static string? ModifyTxnMemo(SessionContext context, Randomizer random)
    {
        var record = Pick(context, random, random.Bool() ? "Check" : "JournalEntry");
        if (record is null)
        {
            return null;
        }

        var body = RetBody.Parse(record.Body);
        var order = record.Type == "Check"
            ? new[] { "TxnNumber", "AccountRef", "PayeeEntityRef", "RefNumber", "TxnDate", "Amount", "CurrencyRef", "ExchangeRate", "AmountInHomeCurrency", "Memo" }
            : ["TxnNumber", "TxnDate", "RefNumber", "Memo"];
        RetBody.SetChild(body, order, "Memo", "Corrected " + context.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        record.Body = RetBody.Serialize(body);
        record.EditSequence = SessionContext.NextEditSequence(context.Now, record.EditSequence);
        record.TimeModified = Math.Max(context.Now, record.TimeModified);
        context.Store.Update(record);
        return record.Id;
    }

    private static string? DeleteTxn(SessionContext context, Randomizer random)
    {
        var record = Pick(context, random, random.Bool() ? "Check" : "JournalEntry");
        if (record is null)
        {
            return null;
        }

        context.Store.Delete(record, context.Now);
        return record.Id;
    }
}
