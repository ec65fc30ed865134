using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.DeathWatch;
using QbConnector.Engine.Tests.Actors.Support;

namespace QbConnector.Engine.Tests.Actors.DeathWatch;

public sealed class DeathWatchTests : ActorTestKit
{
    [Fact]
    public async Task A_watcher_gets_Terminated_exactly_once()
    {
        var probe = CreateProbe();
        var target = System.ActorOf(Props.Create(() => new Idle()));
        var watcher = System.ActorOf(Props.Create(() => new Watcher(probe.Ref)));
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new WatchIt(target));
        await SyncWith(watcher);

        System.Stop(target);

        (await probe.ExpectAsync<Terminated>()).ActorRef.Should().BeSameAs(target);
        await SyncWith(watcher);
        watcher.Tell(Ping.Instance, probe.Ref);
        await probe.ExpectAsync<Pong>();
    }

    [Fact]
    public async Task Watching_an_actor_that_is_already_dead_delivers_Terminated()
    {
        var probe = CreateProbe();
        var target = System.ActorOf(Props.Create(() => new Idle()));
        System.Stop(target);
        await WaitUntilTerminated(target);
        var watcher = System.ActorOf(Props.Create(() => new Watcher(probe.Ref)));

        watcher.Tell(new WatchIt(target));

        (await probe.ExpectAsync<Terminated>()).ActorRef.Should().BeSameAs(target);
    }

    [Fact]
    public async Task Unwatch_suppresses_a_Terminated_that_is_already_queued()
    {
        var probe = CreateProbe();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var target = System.ActorOf(Props.Create(() => new Idle()));
        var watcher = System.ActorOf(Props.Create(() => new Watcher(probe.Ref)));
        watcher.Tell(new WatchIt(target));
        watcher.Tell(new Block(gate.Task));
        watcher.Tell(new UnwatchIt(target));

        System.Stop(target);
        await WaitUntilTerminated(target);
        gate.SetResult();
        watcher.Tell(Ping.Instance, probe.Ref);

        await probe.ExpectAsync<Pong>();
        await SyncWith(watcher);
        probe.IsEmpty.Should().BeTrue("no Terminated after Unwatch");
    }

    [Fact]
    public async Task An_unhandled_Terminated_stops_the_watcher_with_a_death_pact()
    {
        var target = System.ActorOf(Props.Create(() => new Idle()));
        var watcher = System.ActorOf(Props.Create(() => new Idle(target)));
        await SyncWith(watcher);

        System.Stop(target);

        await WaitUntilTerminated(watcher);
    }

    [Fact]
    public async Task Every_watcher_is_notified()
    {
        var probes = Enumerable.Range(0, 3).Select(_ => CreateProbe()).ToList();
        var target = System.ActorOf(Props.Create(() => new Idle()));
        foreach (var probe in probes)
        {
            var watcher = System.ActorOf(Props.Create(() => new Watcher(probe.Ref)));
            watcher.Tell(new WatchIt(target));
            await SyncWith(watcher);
        }

        await target.Ask<Pong>(Ping.Instance, Timeout);
        System.Stop(target);

        foreach (var probe in probes)
        {
            await probe.ExpectAsync<Terminated>();
        }
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record Block(Task Gate);

    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef? watch = null)
        {
            if (watch is not null)
            {
                Context.Watch(watch);
            }

            Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
        }
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(m => Context.Watch(m.Target));
            Receive<UnwatchIt>(m => Context.Unwatch(m.Target));
            ReceiveAsync<Block>(m => m.Gate);
            Receive<Terminated>(t => probe.Tell(t));
            Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
        }
    }
}
