using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Shutdown;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Shutdown;

public sealed class CoordinatedShutdownTests : ActorTestKit
{
    private readonly ConcurrentQueue<string> _log = new();

    [Fact]
    public async Task Phases_run_in_order_and_the_last_terminates_the_system()
    {
        var shutdown = CoordinatedShutdown.Get(System);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop", _ => Record("service-stop"));
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "first", _ => Record("before-unbind"));
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", async _ =>
        {
            await Task.Yield();
            _log.Enqueue("before-terminate");
        });

        await shutdown.Run("test").WaitAsync(Timeout);

        _log.Should().Equal("before-unbind", "service-stop", "before-terminate");
        System.WhenTerminated.IsCompleted.Should().BeTrue();
        shutdown.Reason.Should().Be("test");
    }

    [Fact]
    public async Task A_phase_that_exceeds_its_timeout_is_cancelled_and_the_next_phase_runs()
    {
        var shutdown = CoordinatedShutdown.Register(System, [new ShutdownPhase("slow", TimeSpan.FromSeconds(2)), new ShutdownPhase("next", TimeSpan.FromSeconds(2))]);
        var cancelled = false;
        shutdown.AddTask("slow", "hang", async token =>
        {
            try
            {
                await Task.Delay(global::System.Threading.Timeout.InfiniteTimeSpan, token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        shutdown.AddTask("next", "after", _ => Record("next"));

        var run = shutdown.Run("test");
        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(2));
        await run.WaitAsync(Timeout);

        _log.Should().Equal("next");
        cancelled.Should().BeTrue();
    }

    [Fact]
    public async Task A_phase_without_recovery_that_times_out_aborts_the_rest()
    {
        var shutdown = CoordinatedShutdown.Register(System, [new ShutdownPhase("strict", TimeSpan.FromSeconds(1), Recover: false), new ShutdownPhase("next", TimeSpan.FromSeconds(1))]);
        shutdown.AddTask("strict", "hang", token => Task.Delay(global::System.Threading.Timeout.InfiniteTimeSpan, token));
        shutdown.AddTask("next", "after", _ => Record("next"));

        var run = shutdown.Run("test");
        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(1));
        await run.WaitAsync(Timeout);

        _log.Should().BeEmpty();
    }

    [Fact]
    public async Task Run_runs_once()
    {
        var shutdown = CoordinatedShutdown.Register(System, [new ShutdownPhase("only", TimeSpan.FromSeconds(1))]);
        shutdown.AddTask("only", "count", _ => Record("ran"));

        var first = shutdown.Run("a");
        var second = shutdown.Run("b");
        await first.WaitAsync(Timeout);

        second.Should().BeSameAs(first);
        _log.Should().Equal("ran");
        shutdown.Reason.Should().Be("a");
    }

    [Fact]
    public void Tasks_for_unknown_phases_are_refused()
    {
        var shutdown = CoordinatedShutdown.Get(System);

        FluentActions.Invoking(() => shutdown.AddTask("no-such-phase", "x", _ => Task.CompletedTask)).Should().Throw<ArgumentException>();
    }

    private Task Record(string entry)
    {
        _log.Enqueue(entry);
        return Task.CompletedTask;
    }
}
