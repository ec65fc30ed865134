using QbConnector.Engine.Actors.Dispatch;
using QbConnector.Engine.Actors.Mailboxes;
using QbConnector.Engine.Actors.Supervision;

namespace QbConnector.Engine.Actors.Core;

/// <summary>The recipe of an actor: how to make an instance (again after a restart), and where it runs.</summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    public Type ActorType { get; }

    public MailboxOptions Mailbox { get; private init; } = MailboxOptions.Unbounded;

    public DispatcherOptions Dispatcher { get; private init; } = DispatcherOptions.ThreadPool;

    /// <summary>Messages per turn; null takes the system's default.</summary>
    public int? Throughput { get; private init; }

    /// <summary>Overrides the actor's own SupervisorStrategy() for its children.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>A dispatcher made by the caller (tests drive turns by hand with it).</summary>
    internal Func<IDispatcher>? CustomDispatcher { get; private init; }

    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    public Props WithMailbox(MailboxOptions mailbox) => this with { Mailbox = mailbox ?? throw new ArgumentNullException(nameof(mailbox)) };

    public Props WithBoundedMailbox(int capacity) => WithMailbox(MailboxOptions.Bounded(capacity));

    public Props WithDispatcher(DispatcherOptions dispatcher) => this with { Dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher)) };

    /// <summary>Runs the actor on a thread of its own for its whole life, in the given COM apartment (Windows only).</summary>
    public Props WithPinnedDispatcher(ApartmentState apartment = ApartmentState.Unknown) => WithDispatcher(DispatcherOptions.Pinned(apartment));

    public Props WithThroughput(int messagesPerTurn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerTurn, 1);
        return this with { Throughput = messagesPerTurn };
    }

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy ?? throw new ArgumentNullException(nameof(strategy)) };

    internal Props WithDispatcher(Func<IDispatcher> factory) => this with { CustomDispatcher = factory };

    internal IDispatcher CreateDispatcher(string actorPath) => CustomDispatcher?.Invoke() ?? Dispatcher.Create(actorPath);
}
