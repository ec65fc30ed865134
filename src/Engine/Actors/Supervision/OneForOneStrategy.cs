using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Supervision;

/// <summary>
/// Applies the decider's directive to the failed child only. A restart beyond maxNrOfRetries within
/// withinTimeRange stops the child instead (negative retries or an infinite range mean no limit).
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider;
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    public int MaxNrOfRetries { get; }

    public TimeSpan WithinTimeRange { get; }

    public override Directive Decide(Exception cause) => _decider(cause);

    internal override void HandleFailure(ActorCell supervisor, IInternalActorRef child, Exception cause, ChildRestartStats stats)
    {
        var directive = Decide(cause);
        switch (directive)
        {
            case Directive.Resume:
                supervisor.Log.Warning(cause, "{Child} failed; resuming it", child.Path);
                child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart when stats.RequestRestartPermission(supervisor.System.Time, MaxNrOfRetries, WithinTimeRange):
                supervisor.Log.Error(cause, "{Child} failed; restarting it", child.Path);
                child.SendSystemMessage(new Recreate(cause));
                break;
            case Directive.Restart:
                supervisor.Log.Error(cause, "{Child} failed more than {MaxNrOfRetries} times within {Window}; stopping it", child.Path, MaxNrOfRetries, WithinTimeRange);
                supervisor.Stop(child);
                break;
            case Directive.Stop:
                supervisor.Log.Error(cause, "{Child} failed; stopping it", child.Path);
                supervisor.Stop(child);
                break;
            default:
                supervisor.Log.Error(cause, "{Child} failed; escalating", child.Path);
                supervisor.Escalate(cause);
                break;
        }
    }
}
