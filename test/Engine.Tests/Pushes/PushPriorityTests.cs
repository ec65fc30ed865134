using QbConnector.CloudContract.V1;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Pushes;
using QbConnector.Engine.Tests.Actors.Support;

namespace QbConnector.Engine.Tests.Pushes;

/// <summary>The company actor's requests as the gateway receives them (the gateway is a probe here).</summary>
public sealed class PushPriorityTests : IAsyncLifetime
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
        write.RequestXml.Should().Contain("<CustomerAddRq").And.Contain($"newMessageSetID=\"{PushIds.MessageSetId(pushId)}\"");

        // QuickBooks answers the push; the sync's request is still unanswered.
        engine.Company.Tell(new QbResponse(write.CorrelationId, Answer(pushId), 1, TimeSpan.Zero), gateway.Ref);
        var clear = await gateway.ExpectAsync<QbRequest>();
        clear.RequestXml.Should().Contain($"oldMessageSetID=\"{PushIds.MessageSetId(pushId)}\"").And.NotContain("newMessageSetID").And.NotContain("AddRq");
        var result = await _rig.ResultAsync(pushId);

        result.Success.Id.Should().Be("80000099-1800000000");
        result.Success.EditSequence.Should().Be("1800000000");
        (await _rig.MessagesAsync()).Should().NotContain(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkCompleted, "the sync was overtaken, not finished first");
    }

    private static string Answer(string pushId) => $"""
        <?xml version="1.0" ?>
        <QBXML><QBXMLMsgsRs newMessageSetID="{PushIds.MessageSetId(pushId)}">
        <CustomerAddRs requestID="push" statusCode="0" statusSeverity="Info" statusMessage="Status OK">
        <CustomerRet><ListID>80000099-1800000000</ListID><TimeCreated>2026-11-21T10:00:00-05:00</TimeCreated><TimeModified>2026-11-21T10:00:00-05:00</TimeModified>
        <EditSequence>1800000000</EditSequence><Name>Fast Push</Name><FullName>Fast Push</FullName><IsActive>true</IsActive><Sublevel>0</Sublevel></CustomerRet>
        </CustomerAddRs></QBXMLMsgsRs></QBXML>
        """;
}
