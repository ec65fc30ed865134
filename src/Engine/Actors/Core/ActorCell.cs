using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.Core.SystemMessages;
using QbConnector.Engine.Actors.DeathWatch;
using QbConnector.Engine.Actors.Mailboxes;
using QbConnector.Engine.Actors.Stash;
using QbConnector.Engine.Actors.Timers;
using Serilog;

namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// The kernel's side of one actor: its mailbox, current instance, lifecycle state, children, watches,
/// timers and stash. Everything here runs within the actor's turns except what is marked otherwise.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    private readonly IInternalActorRef? _parent;
    private ActorBase? _actor;
    private Envelope? _current;
    private CellState _state = CellState.Starting;
    private Action<Exception?>? _afterAsyncStep;
    private TimerScheduler? _timers;
    private StashBuffer? _stash;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef? parent, string path, string name)
    {
        System = system;
        Props = props;
        _parent = parent;
        Self = new LocalActorRef(this, path, name);
        Log = system.Log.ForContext("ActorPath", path);
        var dispatcher = props.CreateDispatcher(path);
        Mailbox = new Mailbox(this, props.Mailbox.CreateQueue(), dispatcher, props.Throughput ?? system.Options.DefaultThroughput);
        Dispatcher = dispatcher;
    }

    /// <summary>The cell whose actor instance is being constructed on this thread (for ActorBase's constructor).</summary>
    internal static ActorCell? Constructing => t_constructing;

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Sender => _current?.Sender ?? ActorRefs.Nobody;

    public IActorRef Parent => _parent ?? ActorRefs.Nobody;

    public ActorSystem System { get; }

    public Props Props { get; }

    public ILogger Log { get; }

    internal Mailbox Mailbox { get; }

    internal Dispatch.IDispatcher Dispatcher { get; }

    internal Envelope? CurrentEnvelope => _current;

    internal ActorBase? Actor => _actor;

    internal bool CanProcessUserMessages => _state == CellState.Running;

    internal bool IsTerminated => _state == CellState.Terminated;

    internal int ActiveTimerCount => _timers?.ActiveCount ?? 0;

    public void Start() => Mailbox.PostSystem(new Create());

    /// <summary>Processes one user message; returns the pending task of an async handler, or null.</summary>
    internal Task? Invoke(Envelope envelope)
    {
        _current = envelope;
        try
        {
            switch (envelope.Message)
            {
                case TimerTick tick:
                    if (_timers is null || !_timers.Accept(tick))
                    {
                        return null;
                    }

                    _current = envelope with { Message = tick.Message };
                    break;
                case TerminatedSignal signal:
                    if (!AcceptTerminated(signal.Terminated.ActorRef))
                    {
                        return null;
                    }

                    _current = envelope with { Message = signal.Terminated };
                    break;
                case PoisonPill:
                    BeginTerminate();
                    return null;
            }

            return Await(_actor!.AroundReceive(_current.Value.Message), HandleFailure);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
            return null;
        }
    }

    /// <summary>Processes one system message; returns the pending task of an async start or restart, or null.</summary>
    internal Task? SystemInvoke(ISystemMessage message)
    {
        switch (message)
        {
            case Create:
                return CreateInstance();
            case Terminate:
                BeginTerminate();
                return null;
            case Resume:
                ResumeAfterFailure();
                return null;
            case Recreate recreate:
                return Restart(recreate.Cause);
            case Failed failed:
                HandleChildFailure(failed);
                return null;
            case Watch watch:
                AddWatcher(watch.Watcher);
                return null;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watcher);
                return null;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification.Actor);
                return null;
            default:
                throw new InvalidOperationException($"Unknown system message {message.GetType().Name}.");
        }
    }

    /// <summary>The mailbox resumed after an async step; runs that step's continuation on the dispatcher.</summary>
    internal void AsyncStepCompleted(Task step)
    {
        var then = _afterAsyncStep;
        _afterAsyncStep = null;
        var error = step.IsFaulted
            ? step.Exception!.InnerExceptions.Count == 1 ? step.Exception.InnerException! : step.Exception
            : step.IsCanceled ? new TaskCanceledException(step) : null;
        then?.Invoke(error);
    }

    internal void DeadLetter(Envelope envelope, DeadLetterReason reason)
    {
        if (envelope.Message is TimerTick or TerminatedSignal)
        {
            // The kernel's own notifications to a stopped actor are expected, not lost work.
            return;
        }

        PublishDeadLetter(new DeadLetter(envelope.Message, envelope.Sender, Self, reason));
    }

    internal void PublishDeadLetter(DeadLetter deadLetter) => System.PublishDeadLetter(deadLetter);

    internal ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    internal IStash Stash => _stash ??= new StashBuffer(this);

    private Task? Await(Task? step, Action<Exception> onFailure, Action? onSuccess = null)
    {
        if (step is null || step.IsCompletedSuccessfully)
        {
            onSuccess?.Invoke();
            return null;
        }

        _afterAsyncStep = error =>
        {
            if (error is null)
            {
                onSuccess?.Invoke();
            }
            else
            {
                onFailure(error);
            }
        };
        return step;
    }

    private ActorBase NewInstance()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            var actor = Props.Factory();
            if (actor is IWithTimers withTimers)
            {
                withTimers.Timers = Timers;
            }

            if (actor is IWithStash withStash)
            {
                withStash.Stash = Stash;
            }

            return actor;
        }
        finally
        {
            t_constructing = previous;
        }
    }

    public override string ToString() => Self.Path;
}
