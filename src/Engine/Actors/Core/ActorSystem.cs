using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.Core.SystemMessages;
using Serilog;

namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// A hierarchy of actors under one guardian, with its clock, logger, dead letters and extensions
/// (as Akka's ActorSystem).
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private int _temporaryRefs;
    private long _nextTemporaryRef;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        Log = options.Logger.ForContext("ActorSystem", name);
        DeadLetters = new DeadLetterRef(this);
        _guardian = new ActorCell(this, Props.Create(() => new Guardian()), null, "/user", "user");
        _guardian.Start();
    }

    public string Name { get; }

    public ActorSystemOptions Options { get; }

    public TimeProvider Time => Options.Time;

    public ILogger Log { get; }

    public EventStream EventStream { get; } = new();

    /// <summary>Anything told to it is published as a dead letter.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Completes when the guardian and so every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>Pending Ask and GracefulStop reply targets (each is removed when answered or timed out).</summary>
    internal int TemporaryRefCount => Volatile.Read(ref _temporaryRefs);

    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ActorSystem(name, options ?? new ActorSystemOptions());
    }

    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        _guardian.Stop(actor);
    }

    /// <summary>Stops every actor (children before parents) and completes when all have stopped.</summary>
    public Task Terminate()
    {
        _guardian.Self.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate();

    /// <summary>The extension of type T of this system, created by the factory on first use (as Akka's extensions).</summary>
    public T GetOrAddExtension<T>(Func<ActorSystem, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (T)_extensions.GetOrAdd(typeof(T), _ => factory(this));
    }

    /// <summary>Registers the extension of type T; false when one is already registered.</summary>
    public bool TryRegisterExtension<T>(T extension)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(extension);
        return _extensions.TryAdd(typeof(T), extension);
    }

    public T? GetExtension<T>()
        where T : class => _extensions.TryGetValue(typeof(T), out var e) ? (T)e : null;

    internal void PublishDeadLetter(DeadLetter deadLetter)
    {
        Log.Information(
            "Dead letter {MessageType} from {Sender} to {Recipient}: {Reason}",
            deadLetter.Message.GetType().Name,
            deadLetter.Sender.Path,
            deadLetter.Recipient.Path,
            deadLetter.Reason);
        EventStream.Publish(deadLetter);
    }

    internal string NextTemporaryPath()
    {
        Interlocked.Increment(ref _temporaryRefs);
        return "/temp/$" + Interlocked.Increment(ref _nextTemporaryRef).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    internal void TemporaryRefReleased() => Interlocked.Decrement(ref _temporaryRefs);

    internal void CellTerminated(ActorCell cell)
    {
        if (ReferenceEquals(cell, _guardian))
        {
            Log.Debug("Actor system {ActorSystem} terminated", Name);
            _terminated.TrySetResult();
        }
    }

    public override string ToString() => Name;

    private sealed class DeadLetterRef(ActorSystem system) : IActorRef
    {
        public string Path => "/deadLetters";

        public void Tell(object message, IActorRef? sender = null)
        {
            ArgumentNullException.ThrowIfNull(message);
            system.PublishDeadLetter(new DeadLetter(message, sender ?? ActorRefs.Nobody, this, DeadLetterReason.RecipientStopped));
        }

        public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
        {
            Tell(message, sender);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => Path;
    }
}
