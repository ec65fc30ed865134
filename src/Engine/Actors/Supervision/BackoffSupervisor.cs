using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.DeathWatch;
using QbConnector.Engine.Actors.Timers;

namespace QbConnector.Engine.Actors.Supervision;

/// <summary>
/// Runs one child and starts it again, after a growing backoff, when it stops (or fails, in OnFailure
/// mode). Every other message is forwarded to the child, keeping its sender; with no child it becomes a
/// dead letter.
/// </summary>
public sealed class BackoffSupervisor : ActorBase, IWithTimers
{
    private const string StartChildKey = "start-child";
    private const string ResetKey = "reset-backoff";
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _childFailed;

    private BackoffSupervisor(BackoffOptions options) => _options = options;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Core.Props.Create(() => new BackoffSupervisor(options));
    }

    protected override void PreStart() => StartChild();

    protected override SupervisorStrategy SupervisorStrategy() => _options.Mode == BackoffMode.OnFailure
        ? new OneForOneStrategy(_ =>
        {
            _childFailed = true;
            return Directive.Stop;
        })
        : _options.ChildSupervisorStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when ReferenceEquals(terminated.ActorRef, _child):
                ChildTerminated();
                return true;
            case StartChildTick:
                StartChild();
                return true;
            case ResetRestartCount reset:
                if (reset.Current == _restartCount)
                {
                    _restartCount = 0;
                }

                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            default:
                (_child ?? Context.System.DeadLetters).Tell(message, Sender);
                return true;
        }
    }

    private void StartChild()
    {
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        Timers.StartSingleTimer(ResetKey, new ResetRestartCount(_restartCount), _options.ResetBackoffAfter);
    }

    private void ChildTerminated()
    {
        _child = null;
        Timers.Cancel(ResetKey);
        var failed = _childFailed;
        _childFailed = false;
        if (_options.Mode == BackoffMode.OnFailure && !failed)
        {
            Context.Stop(Self);
            return;
        }

        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Log.Warning("{Child} stopped {Count} times in a row; giving up", _options.ChildName, _restartCount);
            Context.Stop(Self);
            return;
        }

        var delay = BackoffDelay.Calculate(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, _options.Random.NextDouble());
        _restartCount++;
        Log.Information("{Child} stopped; starting it again in {Delay}", _options.ChildName, delay);
        Timers.StartSingleTimer(StartChildKey, StartChildTick.Instance, delay);
    }

    private sealed record StartChildTick
    {
        public static StartChildTick Instance { get; } = new();
    }

    private sealed record ResetRestartCount(int Current);
}
