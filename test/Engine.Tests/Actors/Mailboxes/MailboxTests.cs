using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Mailboxes;

public sealed class MailboxTests : ActorTestKit
{
    [Fact]
    public void A_turn_processes_at_most_throughput_messages_then_yields_the_thread()
    {
        var dispatcher = new ManualDispatcher();
        var seen = new List<int>();
        var actor = System.ActorOf(Props.Create(() => new Recorder(seen)).WithThroughput(3).WithDispatcher(() => dispatcher));
        for (var i = 0; i < 7; i++)
        {
            actor.Tell(i);
        }

        dispatcher.RunOneTurn();
        seen.Should().Equal(0, 1, 2);
        dispatcher.PendingTurns.Should().Be(1, "the mailbox schedules a new turn for the rest");

        dispatcher.RunOneTurn();
        seen.Should().Equal(0, 1, 2, 3, 4, 5);
        dispatcher.RunOneTurn();
        seen.Should().Equal(0, 1, 2, 3, 4, 5, 6);
        dispatcher.PendingTurns.Should().Be(0);

        System.Stop(actor);
        dispatcher.RunOneTurn();
    }

    [Fact]
    public void System_messages_are_processed_before_user_messages_already_queued()
    {
        var dispatcher = new ManualDispatcher();
        var seen = new List<int>();
        var actor = System.ActorOf(Props.Create(() => new Recorder(seen)).WithDispatcher(() => dispatcher));
        actor.Tell(1);
        actor.Tell(2);

        System.Stop(actor);
        while (dispatcher.PendingTurns > 0)
        {
            dispatcher.RunOneTurn();
        }

        seen.Should().BeEmpty("the stop overtook the queued user messages");
        DeadLetters.Select(d => d.Message).Should().Equal(1, 2);
        DeadLetters.Should().OnlyContain(d => d.Reason == DeadLetterReason.RecipientStopped);
    }

    [Fact]
    public void Messages_of_each_sender_arrive_in_the_order_sent()
    {
        Prop.ForAll(
            Gen.Choose(1, 4).ToArbitrary(),
            Gen.Choose(1, 200).ToArbitrary(),
            (senders, perSender) =>
            {
                var seen = new ConcurrentQueue<(int Sender, int Seq)>();
                var actor = System.ActorOf(Props.Create(() => new SequenceRecorder(seen)));
                Parallel.For(0, senders, s =>
                {
                    for (var i = 0; i < perSender; i++)
                    {
                        actor.Tell((s, i));
                    }
                });

                Eventually.TrueAsync(() => seen.Count == senders * perSender).GetAwaiter().GetResult();
                System.Stop(actor);
                return seen.GroupBy(x => x.Sender).All(g => g.Select(x => x.Seq).SequenceEqual(Enumerable.Range(0, perSender)));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Tell_to_a_full_bounded_mailbox_is_a_dead_letter()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.ActorOf(Props.Create(() => new Blocker(gate.Task)).WithBoundedMailbox(2));
        actor.Tell("block");
        await Eventually.TrueAsync(() => ((LocalActorRef)actor).Cell.Mailbox.UserMessageCount == 0, because: "the blocker takes its first message");

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");

        await WaitForDeadLetter(d => Equals(d.Message, "c") && d.Reason == DeadLetterReason.MailboxFull);
        gate.SetResult();
    }

    [Fact]
    public async Task TellAsync_to_a_full_bounded_mailbox_waits_for_space()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Blocker(gate.Task, probe.Ref)).WithBoundedMailbox(1));
        actor.Tell("block");
        await Eventually.TrueAsync(() => ((LocalActorRef)actor).Cell.Mailbox.UserMessageCount == 0);
        await actor.TellAsync("a");

        var waiting = actor.TellAsync("b").AsTask();
        waiting.IsCompleted.Should().BeFalse("the mailbox is full while the actor is busy");

        gate.SetResult();
        await waiting.WaitAsync(Timeout);
        await probe.ExpectAsync("block");
        await probe.ExpectAsync("a");
        await probe.ExpectAsync("b");
        DeadLetters.Should().BeEmpty();
    }

    [Fact]
    public async Task A_pending_TellAsync_to_an_actor_that_stops_becomes_a_dead_letter()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.ActorOf(Props.Create(() => new Blocker(gate.Task)).WithBoundedMailbox(1));
        actor.Tell("block");
        await Eventually.TrueAsync(() => ((LocalActorRef)actor).Cell.Mailbox.UserMessageCount == 0);
        actor.Tell("a");
        var waiting = actor.TellAsync("b").AsTask();

        System.Stop(actor);
        gate.SetResult();

        await waiting.WaitAsync(Timeout);
        await WaitForDeadLetter(d => Equals(d.Message, "b"));
    }

    [Fact]
    public async Task Tell_to_a_stopped_actor_is_a_dead_letter()
    {
        var actor = System.ActorOf(Props.Create(() => new Recorder([])));
        System.Stop(actor);
        await WaitUntilTerminated(actor);

        actor.Tell(42);

        DeadLetters.Should().ContainSingle(d => Equals(d.Message, 42) && d.Reason == DeadLetterReason.RecipientStopped);
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(List<int> seen) => Receive<int>(seen.Add);
    }

    private sealed class SequenceRecorder : ReceiveActor
    {
        public SequenceRecorder(ConcurrentQueue<(int, int)> seen) => Receive<(int, int)>(seen.Enqueue);
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(Task gate, IActorRef? probe = null) => ReceiveAsync<string>(async s =>
        {
            probe?.Tell(s);
            if (s == "block")
            {
                await gate;
            }
        });
    }
}
