using System.Text.Json;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Pushes;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Pushes;

/// <summary>
/// A company actor started over a journal left as a crash at each point of a push would leave
/// it (and a company file in the matching state): the push ends with exactly one record in the
/// file and the right result for the cloud.
/// </summary>
public sealed class PushCrashRecoveryTests : IAsyncLifetime
{
    private PushRig _rig = null!;
    private long _sequenceNr;

    public Task InitializeAsync()
    {
        _rig = new PushRig();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Marked_as_sending_but_never_sent_the_push_is_sent_once()
    {
        var order = Add("Crash Before Send");
        await JournalAsync(Accepted(order), Sending(order));

        await using var engine = _rig.Start();
        var result = await _rig.ResultAsync(order.PushId);

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success);
        _rig.ListByName(QbCatalog.Customers, "Crash Before Send").Should().ContainSingle().Which.Id.Should().Be(result.Success.Id);
    }

    [Fact]
    public async Task Sent_and_applied_but_unrecorded_the_stored_outcome_is_taken_and_nothing_is_sent_again()
    {
        var order = Add("Crash After Send");
        await JournalAsync(Accepted(order), Sending(order));
        var applied = Applied(_rig.Send(Plan(order).RequestXml));

        await using var engine = _rig.Start();
        var result = await _rig.ResultAsync(order.PushId);

        result.Success.Id.Should().Be(applied.Id);
        result.Success.EditSequence.Should().Be(applied.EditSequence);
        _rig.ListByName(QbCatalog.Customers, "Crash After Send").Should().ContainSingle();
        await StoredOutcomeClearedAsync(order);
    }

    [Fact]
    public async Task A_mod_applied_before_the_crash_is_recovered_as_a_success_not_a_conflict_with_itself()
    {
        var customer = _rig.Some(QbCatalog.Customers, 1).Single();
        var order = new PushOrder("mod-crash", "customers", PushAction.Mod, """{"CompanyName":"Changed Once"}""", customer.Id, customer.EditSequence);
        await JournalAsync(Accepted(order), Sending(order));
        var applied = Applied(_rig.Send(Plan(order).RequestXml));

        await using var engine = _rig.Start();
        var result = await _rig.ResultAsync(order.PushId);

        result.OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success, result.ToString());
        result.Success.EditSequence.Should().Be(applied.EditSequence);
        _rig.ById(QbCatalog.Customers, customer.Id)!.EditSequence.Should().Be(applied.EditSequence, "the Mod ran once");
    }

    [Fact]
    public async Task A_refusal_stored_before_the_crash_is_reported_as_the_failure_it_was()
    {
        var existing = _rig.Some(QbCatalog.Vendors, 1).Single().ValueAt("Name")!;
        var order = new PushOrder("dup-crash", "vendors", PushAction.Add, JsonSerializer.Serialize(new { Name = existing }));
        await JournalAsync(Accepted(order), Sending(order));
        _rig.Send(Plan(order).RequestXml);

        await using var engine = _rig.Start();
        var result = await _rig.ResultAsync(order.PushId);

        result.Failed.Error.StatusCode.Should().Be(3100);
        _rig.ListByName(QbCatalog.Vendors, existing).Should().ContainSingle();
    }

    [Fact]
    public async Task Recorded_but_not_reported_the_result_reaches_the_outbox_without_a_second_write()
    {
        var order = Add("Crash After Record");
        var applied = Applied(_rig.Send(Plan(order).RequestXml));
        await JournalAsync(Accepted(order), Sending(order), new PushOutcomeRecorded(order.PushId, PushOutcome.Success(applied.Id!, applied.EditSequence!), _rig.Clock.GetUtcNow()));

        await using var engine = _rig.Start();
        var result = await _rig.ResultAsync(order.PushId);

        result.Success.Id.Should().Be(applied.Id);
        _rig.ListByName(QbCatalog.Customers, "Crash After Record").Should().ContainSingle();
        await StoredOutcomeClearedAsync(order);
    }

    [Fact]
    public async Task Reported_before_the_crash_the_push_is_not_touched_again()
    {
        var order = Add("Crash After Report");
        var applied = Applied(_rig.Send(Plan(order).RequestXml));
        await JournalAsync(Accepted(order), Sending(order), new PushOutcomeRecorded(order.PushId, PushOutcome.Success(applied.Id!, applied.EditSequence!), _rig.Clock.GetUtcNow()), new PushReported(order.PushId, _rig.Clock.GetUtcNow()));

        await using var engine = _rig.Start();
        engine.Company.Tell(PushRig.Push(order.PushId, "customers", order.RecordJson));
        engine.Company.Tell(PushRig.Push("marker", "customers", """{"Name":"Marker"}"""));
        await _rig.ResultAsync("marker");

        (await _rig.ResultsAsync()).Should().NotContain(r => r.PushId == order.PushId, "its result went to the outbox before the crash");
        _rig.ListByName(QbCatalog.Customers, "Crash After Report").Should().ContainSingle();
    }

    [Fact]
    public async Task Pushes_queued_behind_an_unknown_one_wait_until_its_outcome_is_known()
    {
        var first = Add("Unknown First");
        var second = Add("Queued Second");
        await JournalAsync(Accepted(first), Sending(first), Accepted(second));
        var applied = Applied(_rig.Send(Plan(first).RequestXml));

        await using var engine = _rig.Start();
        var results = new[] { await _rig.ResultAsync(first.PushId), await _rig.ResultAsync(second.PushId) };

        results[0].Success.Id.Should().Be(applied.Id);
        results[1].OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success);
        _rig.ListByName(QbCatalog.Customers, "Unknown First").Should().ContainSingle();
        _rig.ListByName(QbCatalog.Customers, "Queued Second").Should().ContainSingle();
    }

    [Fact]
    public async Task A_paused_company_still_reports_a_recorded_outcome_but_starts_no_push_until_resumed()
    {
        var recorded = Add("Recorded Before Pause");
        var applied = Applied(_rig.Send(Plan(recorded).RequestXml));
        var queued = Add("Queued During Pause");
        await JournalAsync(
            Accepted(recorded),
            Sending(recorded),
            new PushOutcomeRecorded(recorded.PushId, PushOutcome.Success(applied.Id!, applied.EditSequence!), _rig.Clock.GetUtcNow()),
            Accepted(queued),
            new Paused(null, "person", _rig.Clock.GetUtcNow()));

        await using var engine = _rig.Start();
        (await _rig.ResultAsync(recorded.PushId)).Success.Id.Should().Be(applied.Id);
        _rig.ListByName(QbCatalog.Customers, "Queued During Pause").Should().BeEmpty("a paused company starts no push");

        engine.Company.Tell(new ResumeCompany("person"));
        (await _rig.ResultAsync(queued.PushId)).OutcomeCase.Should().Be(PushResult.OutcomeOneofCase.Success);
        _rig.ListByName(QbCatalog.Customers, "Queued During Pause").Should().ContainSingle();
    }

    private static PushOrder Add(string name) => new(Guid.NewGuid().ToString("D"), "customers", PushAction.Add, JsonSerializer.Serialize(new { Name = name }));

    private static PushPlan Plan(PushOrder order) => PushPlanner.Prepare(order).Plan!;

    private static QbConnector.QbGateway.Records.QbRecord Applied(string responseXml)
    {
        var answer = PushAnswer.Read(responseXml);
        return answer.Should().BeOfType<PushAnswer.Applied>().Subject.Record;
    }

    private PushAccepted Accepted(PushOrder order) =>
        new(order.PushId, order.PushId, order.DataType, order.Action, order.RecordJson, order.RecordId, order.EditSequence, _rig.Clock.GetUtcNow());

    private PushSending Sending(PushOrder order) => new(order.PushId, PushIds.MessageSetId(order.PushId), _rig.Clock.GetUtcNow());

    private async Task JournalAsync(params object[] events)
    {
        var writes = events.Select(e => new AtomicWrite([new PersistentRepresentation("company-" + PushRig.CompanyId, ++_sequenceNr, e, _rig.Clock.GetUtcNow(), "before-crash")])).ToList();
        await _rig.Journal.WriteMessagesAsync(writes);
    }

    private async Task StoredOutcomeClearedAsync(PushOrder order) =>
        await Eventually.TrueAsync(
            () =>
            {
                using var reader = QbResponseReader.Create(_rig.Send(QbRequestWriter.Write(QbMessageSet.Recover(PushIds.MessageSetId(order.PushId)))));
                return reader.NextResponse() is null && reader.MessageSetStatusCode is 9002 or 600;
            },
            TimeSpan.FromSeconds(10),
            "QuickBooks forgot the outcome once it was recorded");
}
