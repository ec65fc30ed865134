using System.Text.Json;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Pushes;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Records;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Pushes;

/// <summary>Pushes through a company actor, the real gateway and a sandbox company file.</summary>
public sealed class CompanyPushTests : IAsyncLifetime
{
    private PushRig _rig = null!;

    public Task InitializeAsync()
    {
        _rig = new PushRig();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task An_added_customer_is_written_once_and_its_id_and_edit_sequence_reach_the_outbox()
    {
        await using var engine = _rig.Start();
        var pushId = Guid.NewGuid().ToString("D");

        engine.Company.Tell(PushRig.Push(pushId, "customers", """{"Name":"Push Customer One","BillAddress":{"City":"Leeds"}}"""));
        var result = await _rig.ResultAsync(pushId);

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success);
        result.WorkId.Should().Be(pushId);
        var stored = _rig.ListByName(QbCatalog.Customers, "Push Customer One").Should().ContainSingle().Subject;
        result.Success.Id.Should().Be(stored.Id);
        result.Success.EditSequence.Should().Be(stored.EditSequence);
        stored.ValueAt("ExternalGUID").Should().Be("{" + pushId.ToUpperInvariant() + "}");
    }

    [Fact]
    public async Task The_same_push_offered_again_is_applied_once_and_reported_once()
    {
        await using (var engine = _rig.Start())
        {
            engine.Company.Tell(PushRig.Push("again-1", "vendors", """{"Name":"Twice Offered Vendor"}"""));
            engine.Company.Tell(PushRig.Push("again-1", "vendors", """{"Name":"Twice Offered Vendor"}"""));
            await _rig.ResultAsync("again-1");
        }

        await using var restarted = _rig.Start();
        restarted.Company.Tell(PushRig.Push("again-1", "vendors", """{"Name":"Twice Offered Vendor"}"""));
        restarted.Company.Tell(PushRig.Push("marker", "vendors", """{"Name":"Marker Vendor"}"""));
        await _rig.ResultAsync("marker");

        _rig.ListByName(QbCatalog.Vendors, "Twice Offered Vendor").Should().ContainSingle();
        (await _rig.ResultsAsync()).Count(r => r.PushId == "again-1").Should().Be(1);
    }

    [Fact]
    public async Task An_invoice_refers_to_a_customer_and_items_by_full_name_or_id()
    {
        var customer = _rig.Some(QbCatalog.Customers, 1).Single();
        var items = _rig.Some(QbCatalog.Items, 40).Where(i => i.RetElement is "ItemServiceRet" or "ItemNonInventoryRet").Take(2).ToList();
        await using var engine = _rig.Start();
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["CustomerRef"] = new { FullName = customer.ValueAt("FullName") },
            ["RefNumber"] = "PUSH-1",
            ["InvoiceLineAdd"] = new object[]
            {
                new { ItemRef = new { ListID = items[0].Id }, Quantity = "2", Rate = "15.00" },
                new { ItemRef = new { FullName = items[1].ValueAt("FullName") }, Quantity = "1", Rate = "5.50" },
            },
        });

        engine.Company.Tell(PushRig.Push("inv-1", "invoices", json));
        var result = await _rig.ResultAsync("inv-1");

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success, result.ToString());
        var invoice = _rig.ById(QbCatalog.Invoices, result.Success.Id)!;
        invoice.ValueAt("CustomerRef", "ListID").Should().Be(customer.Id);
        invoice.ValueAt("Subtotal").Should().Be("35.50");
    }

    [Fact]
    public async Task A_reference_to_nothing_fails_with_its_field_named_before_quickbooks_sees_the_write()
    {
        var before = _rig.Some(QbCatalog.Invoices, 100_000).Count;
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("inv-bad", "invoices", """{"CustomerRef":{"FullName":"Nobody At All"},"InvoiceLineAdd":{"ItemRef":{"ListID":"80000999-1"},"Quantity":"1","Rate":"1"}}"""));
        var result = await _rig.ResultAsync("inv-bad");

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Failed);
        result.Failed.Error.ErrorClass.Should().Be(ErrorClass.RequestInvalid);
        result.Failed.Error.Message.Should().Contain("InvoiceAdd/CustomerRef: no customer with FullName 'Nobody At All'")
            .And.Contain("InvoiceAdd/InvoiceLineAdd/ItemRef: no item with ListID '80000999-1'");
        _rig.Some(QbCatalog.Invoices, 100_000).Should().HaveCount(before);
    }

    [Fact]
    public async Task A_validation_failure_is_reported_with_the_field_named()
    {
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("too-long", "customers", """{"Name":"A name that is far too long for QuickBooks' 41 characters"}"""));
        var result = await _rig.ResultAsync("too-long");

        result.Failed.Error.StatusCode.Should().Be(0);
        result.Failed.Error.Message.Should().Contain("CustomerAdd/Name: is 57 characters long; at most 41 are allowed");
        result.Failed.Error.Fix.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_duplicate_name_is_reported_with_quickbooks_status_3100()
    {
        var existing = _rig.Some(QbCatalog.Customers, 1).Single().ValueAt("Name")!;
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("dup", "customers", JsonSerializer.Serialize(new { Name = existing })));
        var result = await _rig.ResultAsync("dup");

        result.Failed.Error.StatusCode.Should().Be(3100);
        result.Failed.Error.ErrorClass.Should().Be(ErrorClass.RequestInvalid);
        result.Failed.Error.Message.Should().Contain(existing).And.Contain("in use");
        _rig.ListByName(QbCatalog.Customers, existing).Should().ContainSingle();
    }

    [Fact]
    public async Task An_update_at_the_current_edit_sequence_succeeds_and_a_stale_one_is_a_conflict_with_the_current_record()
    {
        var customer = _rig.Some(QbCatalog.Customers, 1).Single();
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("mod-1", "customers", """{"CompanyName":"Renamed Ltd"}""", customer.Id, customer.EditSequence));
        var first = await _rig.ResultAsync("mod-1");
        first.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success, first.ToString());
        first.Success.Id.Should().Be(customer.Id);
        first.Success.EditSequence.Should().NotBe(customer.EditSequence);

        // The cloud still holds the old EditSequence: the second change must not overwrite the first.
        engine.Company.Tell(PushRig.Push("mod-2", "customers", """{"CompanyName":"Blind Overwrite"}""", customer.Id, customer.EditSequence));
        var second = await _rig.ResultAsync("mod-2");

        second.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Conflict);
        second.Conflict.Message.Should().NotBeEmpty();
        second.Conflict.Current.Id.Should().Be(customer.Id);
        second.Conflict.Current.EditSequence.Should().Be(first.Success.EditSequence);
        QbRecordJson.Deserialize(second.Conflict.Current.Json.ToStringUtf8()).ValueAt("CompanyName").Should().Be("Renamed Ltd");
        _rig.ById(QbCatalog.Customers, customer.Id)!.ValueAt("CompanyName").Should().Be("Renamed Ltd");
    }

    [Fact]
    public async Task Hostile_values_reach_quickbooks_literally()
    {
        const string name = "<b>Evil</b> ]]> \"Q\" & 'S'";
        const string notes = "</Notes><IsActive>false</IsActive><Notes>\t\n<![CDATA[ x ]]> &amp; &#x41;";
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("hostile", "customers", JsonSerializer.Serialize(new { Name = name, Notes = notes })));
        var result = await _rig.ResultAsync("hostile");

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success, result.ToString());
        var stored = _rig.ById(QbCatalog.Customers, result.Success.Id)!;
        stored.ValueAt("Name").Should().Be(name);
        stored.ValueAt("Notes").Should().Be(notes);
        stored.ValueAt("IsActive").Should().Be("true");
    }

    [Fact]
    public async Task A_ten_megabyte_value_is_refused_and_never_kept()
    {
        await using var engine = _rig.Start();

        engine.Company.Tell(PushRig.Push("huge", "customers", JsonSerializer.Serialize(new { Name = "Huge", Notes = new string('x', 10 * 1024 * 1024) })));
        var result = await _rig.ResultAsync("huge");

        result.Failed.Error.Message.Should().Contain("record: is 10485");
        _rig.ListByName(QbCatalog.Customers, "Huge").Should().BeEmpty();
        var events = new List<object>();
        await _rig.Journal.ReplayMessagesAsync("company-" + PushRig.CompanyId, 1, long.MaxValue, long.MaxValue, r => events.Add(r.Payload));
        events.OfType<PushAccepted>().Single().RecordJson.Should().BeEmpty();
    }

    [Fact]
    public async Task The_pushed_record_comes_with_the_next_sync_of_its_data_type()
    {
        await using var engine = _rig.Start();
        engine.Company.Tell(PushRig.Push("for-sync", "vendors", """{"Name":"Synced After Push"}"""));
        var result = await _rig.ResultAsync("for-sync");

        // QuickBooks runs on the engine's PC: the sync's upper bound is taken from the same clock.
        _rig.Clock.Advance(TimeSpan.FromMinutes(5));
        engine.Company.Tell(PushRig.Sync("sync-after", "vendors"));
        await Eventually.TrueAsync(async () => (await _rig.MessagesAsync()).Exists(m => m.WorkCompleted?.WorkId == "sync-after"), TimeSpan.FromSeconds(60), "the sync finished");

        var synced = (await _rig.MessagesAsync()).Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage).SelectMany(m => DataPageBuilder.ReadRecords(m.DataPage)).ToList();
        synced.Should().ContainSingle(r => r.Id == result.Success.Id).Which.EditSequence.Should().Be(result.Success.EditSequence);
    }

    [Fact]
    public async Task Pushes_are_refused_for_a_company_synced_once_only()
    {
        await using var engine = _rig.Start();
        engine.Company.Tell(new QbConnector.Engine.Cloud.Link.CloudCommand(PushRig.CompanyId, new ServerMessage
        {
            Settings = new CompanySettings { CompanyId = PushRig.CompanyId, Settings = new Settings { Mode = SyncMode.OneTime } },
        }));

        engine.Company.Tell(PushRig.Push("one-time", "customers", """{"Name":"Never Written"}"""));
        var result = await _rig.ResultAsync("one-time");

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Failed);
        _rig.ListByName(QbCatalog.Customers, "Never Written").Should().BeEmpty();
    }
}
