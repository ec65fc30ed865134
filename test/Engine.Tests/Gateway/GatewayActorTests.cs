using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Gateway;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.QbGateway.Errors;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Gateway;

public sealed class GatewayActorTests : ActorTestKit
{
    private readonly ScriptedQbSession _session = new();
    private readonly GatewayOptions _options = new()
    {
        AppName = "Test connector",
        RetryMinBackoff = TimeSpan.FromSeconds(1),
        RetryMaxBackoff = TimeSpan.FromSeconds(8),
        Scheduler = new GatewaySchedulerOptions { IdleTimeout = TimeSpan.FromSeconds(30), FollowUpGrace = TimeSpan.Zero },
    };

    [Fact]
    public async Task Requests_are_answered_in_one_session_per_file_on_one_dedicated_thread()
    {
        var gateway = Start();
        var probe = CreateProbe();

        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q1/>", "1"), probe.Ref);
        (await probe.ExpectAsync<QbResponse>()).ResponseXml.Should().Be("<answer to=\"<q1/>\"/>");
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q2/>", "2"), probe.Ref);
        (await probe.ExpectAsync<QbResponse>()).CorrelationId.Should().Be("2");
        gateway.Tell(new QbRequest("b.qbw", GatewayPriority.Scheduled, "<q3/>", "3"), probe.Ref);
        var third = await probe.ExpectAsync<QbResponse>();

        _session.Calls.Should().Equal(
            "open-connection Test connector",
            "begin a.qbw",
            "request a.qbw <q1/>",
            "request a.qbw <q2/>",
            "end a.qbw",
            "begin b.qbw",
            "request b.qbw <q3/>");
        _session.ThreadIds.Distinct().Should().ContainSingle("the COM session must always be called from the same thread");
        _session.AuthPreferences.UnattendedModeRequired.Should().BeTrue();
        third.SessionGeneration.Should().Be(2);
        var stats = await gateway.Ask<GatewayStats>(GetGatewayStats.Instance, Timeout);
        stats.FileOpens.Should().Be(2);
        stats.Requests.Should().Be(3);
    }

    [Fact]
    public async Task QuickBooks_asking_to_try_later_is_retried_with_backoff_and_never_reported()
    {
        var gateway = Start();
        var probe = CreateProbe();
        _session.Failures.Enqueue(Error(0x80040424, QbErrorClass.RetryLater));
        _session.Failures.Enqueue(Error(0x80040424, QbErrorClass.RetryLater));

        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q/>", "1"), probe.Ref);

        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(1.2));
        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(2.4));
        (await probe.ExpectAsync<QbResponse>()).CorrelationId.Should().Be("1");
        _session.Calls.Count(c => c == "begin a.qbw").Should().Be(3);
        (await gateway.Ask<GatewayStats>(GetGatewayStats.Instance, Timeout)).Retries.Should().Be(2);
    }

    [Fact]
    public async Task A_problem_only_the_person_can_fix_is_handed_back_and_the_next_request_tries_again()
    {
        var gateway = Start();
        var probe = CreateProbe();
        _session.Failures.Enqueue(Error(0x8004040A, QbErrorClass.NeedsPerson));

        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q/>", "1"), probe.Ref);
        var failure = await probe.ExpectAsync<QbFailure>();
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q/>", "2"), probe.Ref);
        await probe.ExpectAsync<QbResponse>();

        failure.Error.HResult.Should().Be(unchecked((int)0x8004040A));
        failure.CompanyFile.Should().Be("a.qbw");
        _session.Calls.Count(c => c == "begin a.qbw").Should().Be(2);
    }

    [Fact]
    public async Task A_malformed_request_fails_alone_and_the_session_stays_open()
    {
        var gateway = Start();
        var probe = CreateProbe();
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<ok/>", "1"), probe.Ref);
        await probe.ExpectAsync<QbResponse>();
        _session.Failures.Enqueue(Error(0x80040400, QbErrorClass.RequestInvalid));

        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<bad/>", "2"), probe.Ref);
        (await probe.ExpectAsync<QbFailure>()).CorrelationId.Should().Be("2");
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<ok/>", "3"), probe.Ref);
        await probe.ExpectAsync<QbResponse>();

        _session.Calls.Count(c => c.StartsWith("begin", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task QuickBooks_is_released_after_the_idle_timeout()
    {
        var idle = 0;
        var gateway = System.ActorOf(GatewayActor.Props(() => _session, _options, Clock, () => Interlocked.Increment(ref idle)), "gateway");
        var probe = CreateProbe();
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<q/>", "1"), probe.Ref);
        await probe.ExpectAsync<QbResponse>();
        Volatile.Read(ref idle).Should().Be(0, "the session is still wanted");

        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(30));

        await Eventually.TrueAsync(() => _session.Calls.Contains("close-connection"));
        _session.Calls.TakeLast(2).Should().Equal("end a.qbw", "close-connection");
        await Eventually.TrueAsync(() => Volatile.Read(ref idle) == 1, TimeSpan.FromSeconds(10), "the engine is told it went idle, to give memory back");
        (await gateway.Ask<GatewayStats>(GetGatewayStats.Instance, Timeout)).OpenFile.Should().BeNull();
    }

    [Fact]
    public async Task Cancelled_requests_are_never_sent()
    {
        var gateway = Start();
        var probe = CreateProbe();
        _session.Failures.Enqueue(Error(0x80040424, QbErrorClass.RetryLater));
        gateway.Tell(new QbRequest("a.qbw", GatewayPriority.Scheduled, "<first/>", "1"), probe.Ref);
        await Eventually.TrueAsync(() => Clock.ActiveTimerCount >= 1);

        gateway.Tell(new CancelRequests("a.qbw"), probe.Ref);
        await gateway.Ask<GatewayStats>(GetGatewayStats.Instance, Timeout);
        Clock.Advance(TimeSpan.FromSeconds(10));
        gateway.Tell(new QbRequest("b.qbw", GatewayPriority.Scheduled, "<other/>", "2"), probe.Ref);

        (await probe.ExpectAsync<QbResponse>()).CorrelationId.Should().Be("2");
        _session.Calls.Should().NotContain(c => c.Contains("<first/>", StringComparison.Ordinal) && c.StartsWith("request", StringComparison.Ordinal));
    }

    private IActorRef Start() => System.ActorOf(GatewayActor.Props(() => _session, _options, Clock), "gateway");

    private static QbSdkException Error(uint hresult, QbErrorClass errorClass) =>
        new(unchecked((int)hresult), errorClass, "sdk message", "plain message", "fix");
}
