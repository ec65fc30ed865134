using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Stash;
using QbConnector.Engine.Tests.Actors.Support;

namespace QbConnector.Engine.Tests.Actors.Stash;

public sealed class StashTests : ActorTestKit
{
    [Fact]
    public async Task UnstashAll_replays_stashed_messages_in_order_before_later_ones()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Gate(probe.Ref)));

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("open");
        actor.Tell("c");

        await probe.ExpectAsync("a");
        await probe.ExpectAsync("b");
        await probe.ExpectAsync("c");
    }

    [Fact]
    public async Task Unstash_puts_back_only_the_oldest_message()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Gate(probe.Ref)));

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("one");
        actor.Tell(Ping.Instance, probe.Ref);

        await probe.ExpectAsync("a");
        await probe.ExpectAsync<Pong>();
        (await probe.ExpectAsync<int>()).Should().Be(1, "b is still stashed");
    }

    [Fact]
    public async Task A_restart_puts_the_stash_back_at_the_front_of_the_mailbox()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Gate(probe.Ref)));

        actor.Tell("a");
        actor.Tell("boom");
        actor.Tell("open");

        await probe.ExpectAsync("restarted");
        await probe.ExpectAsync("a");
    }

    [Fact]
    public async Task Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        var actor = System.ActorOf(Props.Create(() => new Gate(ActorRefs.Nobody)));
        actor.Tell("a");
        await SyncWith(actor);

        System.Stop(actor);

        await WaitForDeadLetter(d => Equals(d.Message, "a"));
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        private readonly IActorRef _probe;

        public Gate(IActorRef probe)
        {
            _probe = probe;
            Closed();
        }

        public IStash Stash { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");

        private void Closed()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Stash.UnstashAll();
                Become(Open);
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                Become(Open);
            });
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
            Receive<string>(_ => Stash.Stash());
        }

        private void Open()
        {
            Receive<Ping>(_ =>
            {
                Sender.Tell(Pong.Instance, Self);
                Sender.Tell(Stash.Count, Self);
            });
            Receive<string>(s => _probe.Tell(s));
        }
    }
}
