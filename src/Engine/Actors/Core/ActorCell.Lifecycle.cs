using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Core;

/// <summary>Create, restart and stop.</summary>
internal sealed partial class ActorCell
{
    private Task? CreateInstance()
    {
        try
        {
            _actor = NewInstance();
            return Await(_actor.AroundPreStart(), InitializationFailed, () => _state = CellState.Running);
        }
        catch (Exception ex)
        {
            InitializationFailed(ex);
            return null;
        }
    }

    private Task? Restart(Exception cause)
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return null;
        }

        try
        {
            _actor?.AroundPreRestart(cause, _current?.Message);
        }
        catch (Exception ex)
        {
            Log.Error(ex, "PreRestart of {ActorPath} failed", Self.Path);
        }

        _timers?.CancelAll();
        _stash?.UnstashAll();
        _state = CellState.Starting;
        try
        {
            _actor = NewInstance();
            return Await(_actor.AroundPostRestart(cause), InitializationFailed, () => _state = CellState.Running);
        }
        catch (Exception ex)
        {
            InitializationFailed(ex);
            return null;
        }
    }

    private void InitializationFailed(Exception ex) =>
        HandleFailure(ex as ActorInitializationException ?? new ActorInitializationException($"{Self.Path} failed to start.", ex));

    private void ResumeAfterFailure()
    {
        if (_state != CellState.Suspended)
        {
            return;
        }

        _state = CellState.Running;
        foreach (var child in GetChildCells())
        {
            child.Self.SendSystemMessage(new Resume());
        }
    }

    /// <summary>Stops the children first; the actor itself finishes when the last of them has terminated.</summary>
    private void BeginTerminate()
    {
        if (_state is CellState.Terminating or CellState.Terminated)
        {
            return;
        }

        _state = CellState.Terminating;
        _timers?.CancelAll();
        StopAllChildren();
        if (!HasLiveChildren)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.AroundPostStop();
        }
        catch (Exception ex)
        {
            Log.Error(ex, "PostStop of {ActorPath} failed", Self.Path);
        }

        _actor = null;
        _current = null;
        _state = CellState.Terminated;
        _stash?.DropToDeadLetters();
        Mailbox.Close();
        NotifyWatchersAndParent();
        Dispatcher.Detach();
        System.CellTerminated(this);
    }
}
