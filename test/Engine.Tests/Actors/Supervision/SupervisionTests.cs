using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Tests.Actors.Support;

namespace QbConnector.Engine.Tests.Actors.Supervision;

public sealed class SupervisionTests : ActorTestKit
{
    private readonly ConcurrentQueue<string> _events = new();

    [Fact]
    public async Task Restart_replaces_the_instance_with_the_lifecycle_hooks_in_Akka_order()
    {
        var worker = await SpawnWorker(_ => Directive.Restart);

        worker.Tell("add");
        worker.Tell("boom");
        (await worker.Ask<int>("count", Timeout)).Should().Be(0, "the new instance starts from scratch");

        _events.Should().Equal("ctor 1", "PreStart 1", "PreRestart 1 boom", "PostStop 1", "ctor 2", "PostRestart 2", "PreStart 2");
    }

    [Fact]
    public async Task Resume_keeps_the_instance_and_its_state()
    {
        var worker = await SpawnWorker(_ => Directive.Resume);

        worker.Tell("add");
        worker.Tell("boom");
        worker.Tell("add");

        (await worker.Ask<int>("count", Timeout)).Should().Be(2);
        _events.Should().Equal("ctor 1", "PreStart 1");
    }

    [Fact]
    public async Task Stop_stops_the_child()
    {
        var worker = await SpawnWorker(_ => Directive.Stop);

        worker.Tell("boom");

        await WaitUntilTerminated(worker);
        _events.Should().EndWith("PostStop 1");
    }

    [Fact]
    public async Task Escalate_fails_the_parent_whose_supervisor_restarts_it_and_so_its_children()
    {
        var middle = System.ActorOf(Props.Create(() => new Supervisor(_ => Directive.Escalate, _events, "middle")), "middle");
        var worker = await middle.Ask<IActorRef>(WorkerProps(), Timeout);

        worker.Tell("boom");

        await WaitUntilTerminated(worker);
        await QbConnector.TestSupport.Eventually.TrueAsync(() => _events.Contains("middle PreRestart"));
    }

    [Fact]
    public async Task Restarts_beyond_the_retry_limit_within_the_window_stop_the_child()
    {
        var worker = await SpawnWorker(_ => Directive.Restart, maxRetries: 2, window: TimeSpan.FromMinutes(1));

        worker.Tell("boom");
        worker.Tell("boom");
        (await worker.Ask<int>("count", Timeout)).Should().Be(0, "two restarts are allowed");
        worker.Tell("boom");

        await WaitUntilTerminated(worker);
    }

    [Fact]
    public async Task The_retry_window_starts_again_once_it_has_passed()
    {
        var worker = await SpawnWorker(_ => Directive.Restart, maxRetries: 2, window: TimeSpan.FromMinutes(1));

        worker.Tell("boom");
        worker.Tell("boom");
        (await worker.Ask<int>("count", Timeout)).Should().Be(0);
        Clock.Advance(TimeSpan.FromMinutes(2));
        worker.Tell("boom");
        worker.Tell("boom");

        (await worker.Ask<int>("count", Timeout)).Should().Be(0, "the restarts fall in a new window");
        ((LocalActorRef)worker).Cell.IsTerminated.Should().BeFalse();
    }

    [Fact]
    public async Task A_failing_constructor_stops_the_actor_by_default()
    {
        var actor = System.ActorOf(Props.Create(() => new FailingConstructor()));

        await WaitUntilTerminated(actor);
    }

    [Fact]
    public async Task Children_stop_before_their_parent()
    {
        var parent = System.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultDecider, _events, "parent")));
        var child = await parent.Ask<IActorRef>(WorkerProps(), Timeout);
        await child.Ask<int>("count", Timeout);

        System.Stop(parent);

        await WaitUntilTerminated(parent);
        ((LocalActorRef)child).Cell.IsTerminated.Should().BeTrue();
        _events.Should().ContainInOrder("PostStop 1", "parent PostStop");
    }

    private Props WorkerProps()
    {
        var instances = 0;
        return Props.Create(() => new Worker(_events, Interlocked.Increment(ref instances)));
    }

    private async Task<IActorRef> SpawnWorker(Func<Exception, Directive> decider, int maxRetries = -1, TimeSpan? window = null)
    {
        var strategy = new OneForOneStrategy(maxRetries, window ?? global::System.Threading.Timeout.InfiniteTimeSpan, decider);
        var supervisor = System.ActorOf(Props.Create(() => new Supervisor(strategy, _events, "supervisor")));
        return await supervisor.Ask<IActorRef>(WorkerProps(), Timeout);
    }

    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;
        private readonly ConcurrentQueue<string> _events;
        private readonly string _name;

        public Supervisor(Func<Exception, Directive> decider, ConcurrentQueue<string> events, string name)
            : this(new OneForOneStrategy(decider), events, name)
        {
        }

        public Supervisor(SupervisorStrategy strategy, ConcurrentQueue<string> events, string name)
        {
            _strategy = strategy;
            _events = events;
            _name = name;
            Receive<Props>(p => Sender.Tell(Context.ActorOf(p, "worker"), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PreRestart(Exception reason, object? message)
        {
            _events.Enqueue($"{_name} PreRestart");
            base.PreRestart(reason, message);
        }

        protected override void PostStop() => _events.Enqueue($"{_name} PostStop");
    }

    private sealed class Worker : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _events;
        private readonly int _instance;
        private int _count;

        public Worker(ConcurrentQueue<string> events, int instance)
        {
            _events = events;
            _instance = instance;
            events.Enqueue($"ctor {instance}");
            Receive<string>(s => s == "add", _ => _count++);
            Receive<string>(s => s == "count", _ => Sender.Tell(_count, Self));
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        }

        protected override void PreStart() => _events.Enqueue($"PreStart {_instance}");

        protected override void PostStop() => _events.Enqueue($"PostStop {_instance}");

        protected override void PreRestart(Exception reason, object? message)
        {
            _events.Enqueue($"PreRestart {_instance} {message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _events.Enqueue($"PostRestart {_instance}");
            base.PostRestart(reason);
        }
    }

    private sealed class FailingConstructor : ActorBase
    {
        public FailingConstructor() => throw new InvalidOperationException("cannot start");

        protected override bool Receive(object message) => true;
    }
}
