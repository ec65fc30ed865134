using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Dispatch;

public sealed class PinnedDispatcherTests : ActorTestKit
{
    [Fact]
    public async Task A_pinned_actor_always_runs_on_its_own_thread_also_after_await()
    {
        var actor = System.ActorOf(Props.Create(() => new ThreadReporter()).WithPinnedDispatcher(ApartmentState.STA));

        var seen = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            seen.AddRange(await actor.Ask<int[]>("where", Timeout));
        }

        seen.Distinct().Should().ContainSingle();
        seen[0].Should().NotBe(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public async Task The_pinned_thread_is_in_the_requested_apartment_on_Windows()
    {
        var actor = System.ActorOf(Props.Create(() => new ThreadReporter()).WithPinnedDispatcher(ApartmentState.STA));

        var apartment = await actor.Ask<ApartmentState>("apartment", Timeout);

        // Apartments exist only on Windows; elsewhere the thread reports Unknown and the actor still runs.
        apartment.Should().Be(OperatingSystem.IsWindows() ? ApartmentState.STA : ApartmentState.Unknown);
    }

    [Fact]
    public async Task The_pinned_thread_ends_when_the_actor_stops()
    {
        var actor = System.ActorOf(Props.Create(() => new ThreadReporter()).WithPinnedDispatcher());
        var thread = await actor.Ask<Thread>("thread", Timeout);

        System.Stop(actor);

        await Eventually.TrueAsync(() => !thread.IsAlive, because: "the dedicated thread should exit");
    }

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter()
        {
            ReceiveAsync<string>(s => s == "where", async _ =>
            {
                var before = Environment.CurrentManagedThreadId;
                await Task.Delay(1);
                var afterDelay = Environment.CurrentManagedThreadId;
                await Task.Yield();
                Sender.Tell(new[] { before, afterDelay, Environment.CurrentManagedThreadId }, Self);
            });
            Receive<string>(s => s == "apartment", _ => Sender.Tell(Thread.CurrentThread.GetApartmentState(), Self));
            Receive<string>(s => s == "thread", _ => Sender.Tell(Thread.CurrentThread, Self));
        }
    }
}
