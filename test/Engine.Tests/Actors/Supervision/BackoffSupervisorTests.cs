using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Supervision;

public sealed class BackoffSupervisorTests : ActorTestKit
{
    private int _starts;

    [Fact]
    public async Task A_stopped_child_is_started_again_only_after_the_backoff()
    {
        var supervisor = System.ActorOf(BackoffSupervisor.Props(Options()));
        await Eventually.TrueAsync(() => _starts == 1);

        supervisor.Tell("stop");
        await AdvanceWhenStartScheduled(supervisor, TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        _starts.Should().Be(1, "the minimum backoff has not passed");
        Clock.Advance(TimeSpan.FromTicks(1));

        await Eventually.TrueAsync(() => _starts == 2);
    }

    [Fact]
    public async Task Backoff_doubles_up_to_the_maximum_and_resets_after_a_stable_run()
    {
        var supervisor = System.ActorOf(BackoffSupervisor.Props(Options() with { ResetBackoffAfter = TimeSpan.FromMinutes(1) }));
        await Eventually.TrueAsync(() => _starts == 1);

        foreach (var (delay, starts) in new[] { (1, 2), (2, 3), (4, 4), (5, 5) })
        {
            supervisor.Tell("stop");
            await AdvanceWhenStartScheduled(supervisor, TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            _starts.Should().Be(starts - 1);
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => _starts == starts);
        }

        (await supervisor.Ask<RestartCount>(GetRestartCount.Instance, Timeout)).Count.Should().Be(4);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await supervisor.Ask<RestartCount>(GetRestartCount.Instance, Timeout)).Count == 0);
    }

    [Fact]
    public async Task Messages_are_forwarded_to_the_child_with_their_sender()
    {
        var supervisor = System.ActorOf(BackoffSupervisor.Props(Options()));

        var reply = await supervisor.Ask<string>("hello", Timeout);

        reply.Should().Be("child:hello");
    }

    [Fact]
    public async Task In_OnFailure_mode_a_failing_child_is_started_again_after_the_backoff()
    {
        var supervisor = System.ActorOf(BackoffSupervisor.Props(
            BackoffOptions.OnFailure(ChildProps(), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0)));
        await Eventually.TrueAsync(() => _starts == 1);

        supervisor.Tell("fail");
        await AdvanceWhenStartScheduled(supervisor, TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => _starts == 2);
    }

    [Fact]
    public void The_delay_stays_between_the_bounds_and_grows_with_the_restart_count()
    {
        Prop.ForAll(
            Gen.Choose(0, 40).ToArbitrary(),
            Gen.Choose(1, 1000).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            (restarts, minMs, jitterPercent) =>
            {
                var min = TimeSpan.FromMilliseconds(minMs);
                var max = min * 10;
                var factor = jitterPercent / 100.0;
                var low = BackoffDelay.Calculate(restarts, min, max, factor, 0);
                var high = BackoffDelay.Calculate(restarts, min, max, factor, 0.999);
                var next = BackoffDelay.Calculate(restarts + 1, min, max, factor, 0);
                return low >= min && low <= max && high <= max * (1 + factor) && high >= low && next >= low;
            }).QuickCheckThrowOnFailure();
    }

    private BackoffOptions Options() => BackoffOptions.OnStop(ChildProps(), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0);

    private Props ChildProps() => Props.Create(() => new Child(() => Interlocked.Increment(ref _starts)));

    /// <summary>Advances the clock once the supervisor has seen its child stop (it then has no child and one start timer).</summary>
    private async Task AdvanceWhenStartScheduled(IActorRef supervisor, TimeSpan by)
    {
        await Eventually.TrueAsync(async () => (await supervisor.Ask<CurrentChild>(GetCurrentChild.Instance, Timeout)).Ref is null);
        Clock.ActiveTimerCount.Should().Be(1);
        Clock.Advance(by);
    }

    private sealed class Child : ReceiveActor
    {
        public Child(Action started)
        {
            started();
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("fail"));
            Receive<string>(s => Sender.Tell("child:" + s, Self));
        }
    }
}
