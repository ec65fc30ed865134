using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Shutdown;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Shutdown;

public sealed class GracefulStopTests : ActorTestKit
{
    [Fact]
    public async Task GracefulStop_processes_earlier_messages_then_completes_with_true()
    {
        var probe = CreateProbe();
        var actor = System.ActorOf(Props.Create(() => new Worker(probe.Ref)));
        actor.Tell("one");
        actor.Tell("two");

        var stopped = await actor.GracefulStop(Timeout);

        stopped.Should().BeTrue();
        await probe.ExpectAsync("one");
        await probe.ExpectAsync("two");
        await probe.ExpectAsync("PostStop");
        System.TemporaryRefCount.Should().Be(0);
    }

    [Fact]
    public async Task GracefulStop_completes_with_false_when_the_actor_does_not_stop_in_time()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.ActorOf(Props.Create(() => new Worker(ActorRefs.Nobody)));
        actor.Tell(gate.Task);

        var stop = actor.GracefulStop(TimeSpan.FromSeconds(5));
        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(5));

        (await stop).Should().BeFalse();
        gate.SetResult();
        await WaitUntilTerminated(actor);
    }

    [Fact]
    public async Task GracefulStop_of_a_dead_actor_is_true()
    {
        var actor = System.ActorOf(Props.Create(() => new Worker(ActorRefs.Nobody)));
        System.Stop(actor);
        await WaitUntilTerminated(actor);

        (await actor.GracefulStop(Timeout)).Should().BeTrue();
    }

    private sealed class Worker : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Worker(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => probe.Tell(s));
            ReceiveAsync<Task>(gate => gate);
        }

        protected override void PostStop() => _probe.Tell("PostStop");
    }
}
