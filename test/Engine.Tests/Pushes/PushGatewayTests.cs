using QbConnector.CloudContract.V1;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Pushes;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.QbGateway.Errors;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Pushes;

/// <summary>The company actor's requests as the gateway receives them (the gateway is a probe here).</summary>
public sealed class PushGatewayTests : IAsyncLifetime
{
    private PushRig _rig = null!;

    public Task InitializeAsync()
    {
        _rig = new PushRig();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_push_goes_to_quickbooks_as_interactive_work_while_a_sync_request_is_still_out_and_its_outcome_is_cleared_after_recording()
    {
        Probe gateway = null!;
        await using var engine = _rig.Start(system => (gateway = new Probe(system, "gateway")).Ref);

        engine.Company.Tell(PushRig.Sync("sync-1", "customers"));
        var sync = await gateway.ExpectAsync<QbRequest>();
        sync.Priority.Should().Be(GatewayPriority.Scheduled);

        const string pushId = "fast-push";
        engine.Company.Tell(PushRig.Push(pushId, "customers", """{"Name":"Fast Push"}"""));
        var write = await gateway.ExpectAsync<QbRequest>();
        write.Priority.Should().Be(GatewayPriority.Interactive);
        write.FollowUpExpected.Should().BeTrue("the clearing of its stored outcome follows on the same file");
        write.RequestXml.Should().Contain("<CustomerAddRq").And.Contain($"newMessageSetID=\"{PushIds.MessageSetId(pushId)}\"");

        // QuickBooks answers the push; the sync's request is still unanswered.
        engine.Company.Tell(new QbResponse(write.CorrelationId, Answer(pushId), 1, TimeSpan.Zero), gateway.Ref);
        var clear = await gateway.ExpectAsync<QbRequest>();
        clear.RequestXml.Should().Contain($"oldMessageSetID=\"{PushIds.MessageSetId(pushId)}\"").And.NotContain("newMessageSetID").And.NotContain("AddRq");
        clear.Priority.Should().Be(GatewayPriority.Scheduled, "nobody waits for the clearing: it must not make the gateway open the file by itself");
        var result = await _rig.ResultAsync(pushId);

        result.Success.Id.Should().Be("80000099-1800000000");
        result.Success.EditSequence.Should().Be("1800000000");
        (await _rig.MessagesAsync()).Should().NotContain(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted, "the sync was overtaken, not finished first");
    }

    [Fact]
    public async Task A_write_quickbooks_asks_to_retry_is_sent_again_only_after_asking_for_its_stored_outcome()
    {
        Probe gateway = null!;
        await using var engine = _rig.Start(system => (gateway = new Probe(system, "gateway")).Ref);
        const string pushId = "locked-push";
        var id = PushIds.MessageSetId(pushId);

        engine.Company.Tell(PushRig.Push(pushId, "customers", """{"Name":"Locked Push"}"""));
        var write = await gateway.ExpectAsync<QbRequest>();
        engine.Company.Tell(new QbResponse(write.CorrelationId, Status(id, 3175, "The record is in use by another user."), 1, TimeSpan.Zero), gateway.Ref);

        var recover = await NextRequestAsync(gateway);
        recover.RequestXml.Should().Contain($"oldMessageSetID=\"{id}\"").And.Contain($"newMessageSetID=\"{id}\"").And.NotContain("CustomerAddRq", "QuickBooks is asked before anything is sent again");
        engine.Company.Tell(new QbResponse(recover.CorrelationId, Status(id, 3175, "The record is in use by another user."), 1, TimeSpan.Zero), gateway.Ref);

        var again = await gateway.ExpectAsync<QbRequest>();
        again.RequestXml.Should().Be(write.RequestXml, "the stored outcome says it was not applied: the same write goes again");
        engine.Company.Tell(new QbResponse(again.CorrelationId, Answer(pushId), 1, TimeSpan.Zero), gateway.Ref);

        (await _rig.ResultAsync(pushId)).Success.Id.Should().Be("80000099-1800000000");
    }

    [Fact]
    public async Task A_write_lost_with_the_session_is_followed_by_a_question_for_its_outcome_not_by_a_resend()
    {
        Probe gateway = null!;
        await using var engine = _rig.Start(system => (gateway = new Probe(system, "gateway")).Ref);
        const string pushId = "lost-push";
        var id = PushIds.MessageSetId(pushId);

        engine.Company.Tell(PushRig.Push(pushId, "customers", """{"Name":"Fast Push"}"""));
        var write = await gateway.ExpectAsync<QbRequest>();
        engine.Company.Tell(new QbFailure(write.CorrelationId, _rig.CompanyFile, QbSdkErrors.ToException(unchecked((int)0x80040408))), gateway.Ref);

        var recover = await NextRequestAsync(gateway);
        recover.RequestXml.Should().Contain($"oldMessageSetID=\"{id}\"").And.NotContain("CustomerAddRq");
        // QuickBooks had applied it after all: its stored answer is the outcome.
        engine.Company.Tell(new QbResponse(recover.CorrelationId, Answer(pushId), 1, TimeSpan.Zero), gateway.Ref);

        (await _rig.ResultAsync(pushId)).Success.EditSequence.Should().Be("1800000000");
        var clear = await gateway.ExpectAsync<QbRequest>();
        clear.RequestXml.Should().NotContain("newMessageSetID").And.Contain($"oldMessageSetID=\"{id}\"");
        gateway.IsEmpty.Should().BeTrue("the write was never sent twice");
    }

    /// <summary>The next request, letting the manual clock run so a retry timer can fire.</summary>
    private async Task<QbRequest> NextRequestAsync(Probe gateway)
    {
        await Eventually.TrueAsync(
            () =>
            {
                _rig.Clock.Advance(TimeSpan.FromSeconds(5));
                return !gateway.IsEmpty;
            },
            TimeSpan.FromSeconds(10),
            "the push is tried again");
        return await gateway.ExpectAsync<QbRequest>();
    }

    private static string Status(string messageSetId, int code, string message) => $"""
        <?xml version="1.0" ?>
        <QBXML><QBXMLMsgsRs newMessageSetID="{messageSetId}"><CustomerAddRs requestID="push" statusCode="{code}" statusSeverity="Error" statusMessage="{message}" /></QBXMLMsgsRs></QBXML>
        """;

    private static string Answer(string pushId) => $"""
        <?xml version="1.0" ?>
        <QBXML><QBXMLMsgsRs newMessageSetID="{PushIds.MessageSetId(pushId)}">
        <CustomerAddRs requestID="push" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
        <CustomerRet><ListID>80000099-1800000000</ListID><TimeCreated>2026-11-21T10:00:00-05:00</TimeCreated><TimeModified>2026-11-21T10:00:00-05:00</TimeModified>
        <EditSequence>1800000000</EditSequence><Name>Fast Push</Name><FullName>Fast Push</FullName><IsActive>true</IsActive><Sublevel>0</Sublevel></CustomerRet>
        </CustomerAddRs></QBXMLMsgsRs></QBXML>
        """;
}
