using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Core;

/// <summary>Failure: the failed actor suspends itself and asks its parent, whose strategy decides.</summary>
internal sealed partial class ActorCell
{
    internal void Escalate(Exception cause) => HandleFailure(cause);

    private void HandleFailure(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            Log.Error(cause, "{ActorPath} failed while stopping", Self.Path);
            return;
        }

        _state = CellState.Suspended;
        if (_parent is null)
        {
            Log.Fatal(cause, "The guardian {ActorPath} failed; stopping it", Self.Path);
            BeginTerminate();
            return;
        }

        _parent.SendSystemMessage(new Failed(Self, cause));
    }

    private void HandleChildFailure(Failed failed)
    {
        if (_state is CellState.Terminating or CellState.Terminated || !TryGetChildStats(failed.Child, out var stats))
        {
            // Not (or no longer) a child of ours: it is stopping already.
            return;
        }

        var strategy = Props.SupervisorStrategy ?? _actor?.GetSupervisorStrategy() ?? Supervision.SupervisorStrategy.DefaultStrategy;
        strategy.HandleFailure(this, failed.Child, failed.Cause, stats);
    }
}
