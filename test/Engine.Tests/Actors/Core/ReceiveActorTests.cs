using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Core;

public sealed class ReceiveActorTests : ActorTestKit
{
    [Fact]
    public async Task Handlers_are_tried_in_order_by_type_and_predicate()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Classifier(probe.Ref)));

        actor.Tell(5);
        actor.Tell(-1);
        actor.Tell("text");

        await probe.ExpectAsync("positive 5");
        await probe.ExpectAsync("int -1");
        await probe.ExpectAsync("any text");
    }

    [Fact]
    public async Task An_async_handler_finishes_before_the_next_message_starts()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        var actor = System.ActorOf(Props.Create(() => new AsyncWorker(gate.Task, log)));

        actor.Tell("first");
        actor.Tell("second");
        await Eventually.TrueAsync(() => { lock (log) { return log.Contains("start first"); } });
        lock (log)
        {
            log.Should().Equal("start first");
        }

        gate.SetResult();
        await SyncWith(actor);

        lock (log)
        {
            log.Should().Equal("start first", "end first", "start second", "end second");
        }
    }

    [Fact]
    public async Task An_async_handler_keeps_Self_and_Sender_after_await()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new AsyncWorker(Task.Delay(1), [])));

        actor.Tell("who", probe.Ref);

        (await probe.ExpectAsync<string>()).Should().Be(actor.Path);
    }

    [Fact]
    public async Task Become_replaces_the_handlers()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Switch()));

        actor.Tell("state", probe.Ref);
        actor.Tell("flip");
        actor.Tell("state", probe.Ref);

        await probe.ExpectAsync("off");
        await probe.ExpectAsync("on");
    }

    [Fact]
    public async Task An_unhandled_message_is_published_as_a_dead_letter()
    {
        var actor = System.ActorOf(Props.Create(() => new Classifier(ActorRefs.Nobody)));

        actor.Tell(3.5);

        await WaitForDeadLetter(d => Equals(d.Message, 3.5) && d.Reason == DeadLetterReason.Unhandled && ReferenceEquals(d.Recipient, actor));
    }

    [Fact]
    public void An_actor_cannot_be_created_with_new()
    {
        FluentActions.Invoking(() => new Switch()).Should().Throw<ActorInitializationException>();
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier(IActorRef probe)
        {
            Receive<int>(i => i > 0, i => probe.Tell($"positive {i}"));
            Receive<int>(i => probe.Tell($"int {i}"));
            Receive<string>(s => probe.Tell($"any {s}"));
        }
    }

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(Task gate, List<string> log)
        {
            ReceiveAsync<string>(s => s == "who", async _ =>
            {
                var sender = Sender;
                await Task.Yield();
                await gate;
                Sender.Should().BeSameAs(sender);
                Sender.Tell(Self.Path, Self);
            });
            ReceiveAsync<string>(async s =>
            {
                lock (log)
                {
                    log.Add("start " + s);
                }

                await gate;
                await Task.Yield();
                lock (log)
                {
                    log.Add("end " + s);
                }
            });
            Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
        }
    }

    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off", Self));
            Receive<string>(s => s == "flip", _ => Become(On));
        }

        private void On() => Receive<string>(s => s == "state", _ => Sender.Tell("on", Self));
    }
}
