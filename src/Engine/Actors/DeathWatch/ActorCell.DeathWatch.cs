using QbConnector.Engine.Actors.Core.SystemMessages;
using QbConnector.Engine.Actors.DeathWatch;

namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// DeathWatch: Terminated is delivered once per Watch, also for an actor that is already dead (its
/// closed mailbox answers the Watch at once), and never after Unwatch, even when already queued.
/// </summary>
internal sealed partial class ActorCell
{
    private readonly HashSet<IInternalActorRef> _watchers = [];
    private readonly HashSet<IInternalActorRef> _watching = [];
    private readonly HashSet<IActorRef> _terminatedQueued = [];

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is IInternalActorRef target && !ReferenceEquals(subject, Self) && _watching.Add(target))
        {
            target.SendSystemMessage(new Watch(target, Self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        _terminatedQueued.Remove(subject);
        if (subject is IInternalActorRef target && _watching.Remove(target))
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        return subject;
    }

    /// <summary>A system message that arrived after termination: a Watch is answered at once.</summary>
    internal void SystemMessageAfterTermination(ISystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self));
        }
    }

    private void AddWatcher(IInternalActorRef watcher)
    {
        if (!ReferenceEquals(watcher, Self))
        {
            _watchers.Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watcher) => _watchers.Remove(watcher);

    private void HandleDeathWatchNotification(IInternalActorRef actor)
    {
        if (_watching.Remove(actor) && _state is not (CellState.Terminating or CellState.Terminated))
        {
            _terminatedQueued.Add(actor);
            Mailbox.PostBypassingBound(new Envelope(new TerminatedSignal(new Terminated(actor)), actor));
        }

        if (RemoveChild(actor) && _state == CellState.Terminating && !HasLiveChildren)
        {
            FinishTerminate();
        }
    }

    private bool AcceptTerminated(IActorRef actor) => _terminatedQueued.Remove(actor);

    private void NotifyWatchersAndParent()
    {
        var notification = new DeathWatchNotification(Self);
        foreach (var watcher in _watchers)
        {
            watcher.SendSystemMessage(notification);
        }

        if (_parent is not null && !_watchers.Contains(_parent))
        {
            _parent.SendSystemMessage(notification);
        }

        _watchers.Clear();
        foreach (var watchee in _watching)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, Self));
        }

        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
