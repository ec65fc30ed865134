using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Support;

/// <summary>A fresh actor system per test on a manual clock, with its dead letters recorded.</summary>
public abstract class ActorTestKit : IAsyncLifetime
{
    private readonly IDisposable _deadLetterSubscription;

    protected ActorTestKit()
    {
        System = ActorSystem.Create("test", new ActorSystemOptions { Time = Clock });
        _deadLetterSubscription = System.EventStream.Subscribe<DeadLetter>(DeadLetters.Enqueue);
    }

    protected ManualTimeProvider Clock { get; } = new();

    protected ActorSystem System { get; }

    protected ConcurrentQueue<DeadLetter> DeadLetters { get; } = new();

    protected static TimeSpan Timeout => TimeSpan.FromSeconds(10);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _deadLetterSubscription.Dispose();
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private protected Probe CreateProbe(string? name = null) => new(System, name);

    /// <summary>A round trip through the actor: everything enqueued before has been processed.</summary>
    protected async Task SyncWith(IActorRef actor) => await actor.Ask<Pong>(Ping.Instance, Timeout).WaitAsync(Timeout);

    /// <summary>Advances the clock once the expected number of timers is pending.</summary>
    protected async Task AdvanceWhenTimersAsync(TimeSpan by, int atLeast = 1)
    {
        await Eventually.TrueAsync(() => Clock.ActiveTimerCount >= atLeast, because: "the timer should be started");
        Clock.Advance(by);
    }

    protected async Task WaitForDeadLetter(Func<DeadLetter, bool> match) =>
        await Eventually.TrueAsync(() => DeadLetters.Any(match), because: "the dead letter should be published");

    protected async Task WaitUntilTerminated(IActorRef actor)
    {
        var cell = ((LocalActorRef)actor).Cell;
        await Eventually.TrueAsync(() => cell.IsTerminated, because: $"{actor.Path} should stop");
    }
}

/// <summary>Every test actor answers Ping with Pong, which lets a test wait until earlier messages are processed.</summary>
public sealed record Ping
{
    public static Ping Instance { get; } = new();
}

public sealed record Pong
{
    public static Pong Instance { get; } = new();
}
