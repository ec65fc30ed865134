using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Timers;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Timers;

public sealed class TimerTests : ActorTestKit
{
    private readonly ConcurrentQueue<string> _ticks = new();

    [Fact]
    public async Task A_single_timer_sends_its_message_once_when_due()
    {
        var actor = Spawn();
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(5)));
        await SyncWith(actor);

        Clock.Advance(TimeSpan.FromSeconds(4));
        await SyncWith(actor);
        _ticks.Should().BeEmpty();

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _ticks.Count == 1);
        Clock.Advance(TimeSpan.FromSeconds(10));
        await SyncWith(actor);
        _ticks.Should().Equal("tick");
        (await actor.Ask<bool>(new IsActive("k"), Timeout)).Should().BeFalse();
    }

    [Fact]
    public async Task A_periodic_timer_repeats_until_cancelled()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        await SyncWith(actor);

        for (var i = 1; i <= 3; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => _ticks.Count == i);
        }

        actor.Tell(new CancelTimer("k"));
        await SyncWith(actor);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await SyncWith(actor);
        _ticks.Should().HaveCount(3);
        Clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task Starting_a_key_again_drops_a_tick_of_the_old_timer_already_in_the_mailbox()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Spawn();
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        actor.Tell(new Block(gate.Task));
        actor.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(10)));
        await Eventually.TrueAsync(() => ((LocalActorRef)actor).Cell.Mailbox.UserMessageCount == 1, because: "the actor is blocked before the restart");

        Clock.Advance(TimeSpan.FromSeconds(1));
        ((LocalActorRef)actor).Cell.Mailbox.UserMessageCount.Should().Be(2, "the old tick is queued behind the restart");
        gate.SetResult();
        await SyncWith(actor);
        _ticks.Should().BeEmpty("the old timer's tick was stale");

        Clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => _ticks.Count == 1);
        _ticks.Should().Equal("new");
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell("boom");
        (await actor.Ask<bool>(new IsActive("k"), Timeout)).Should().BeFalse();

        Clock.ActiveTimerCount.Should().Be(0);
        Clock.Advance(TimeSpan.FromSeconds(3));
        await SyncWith(actor);
        _ticks.Should().BeEmpty();
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        var actor = Spawn();
        actor.Tell(new StartPeriodic("a", "tick", TimeSpan.FromSeconds(1)));
        actor.Tell(new StartSingle("b", "tick", TimeSpan.FromSeconds(1)));
        await SyncWith(actor);
        Clock.ActiveTimerCount.Should().Be(2);

        System.Stop(actor);
        await WaitUntilTerminated(actor);

        Clock.ActiveTimerCount.Should().Be(0);
    }

    private IActorRef Spawn() => System.ActorOf(Props.Create(() => new TimerActor(_ticks)));

    private sealed record StartSingle(string Key, string Message, TimeSpan Due);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed record Block(Task Gate);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(ConcurrentQueue<string> ticks)
        {
            Receive<StartSingle>(m => Timers.StartSingleTimer(m.Key, m.Message, m.Due));
            Receive<StartPeriodic>(m => Timers.StartPeriodicTimer(m.Key, m.Message, m.Interval));
            Receive<CancelTimer>(m => Timers.Cancel(m.Key));
            Receive<IsActive>(m => Sender.Tell(Timers.IsTimerActive(m.Key), Self));
            ReceiveAsync<Block>(m => m.Gate);
            Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(ticks.Enqueue);
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
