using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Persistence.Eventsourced;

/// <summary>
/// An event-sourced actor (as Akka's ReceivePersistentActor). On start it recovers its state from the
/// latest snapshot and the events after it, then handles commands. Persist stores events; their
/// handlers run once they are stored, and no further command is taken until then (the commands wait,
/// as stashed). A failed write calls OnPersistFailure and stops the actor (its supervisor, typically a
/// BackoffSupervisor, starts it again and it recovers); a failed recovery calls OnRecoveryFailure and
/// stops it.
/// </summary>
public abstract partial class PersistentActor : ActorBase
{
    private readonly HandlerTable _commands = new();
    private readonly HandlerTable _recovery = new();
    private readonly List<PendingWrite> _pending = [];
    private readonly string _writerGuid = Guid.NewGuid().ToString("N");
    private PersistenceExtension? _persistence;

    /// <summary>The stable id of this actor's event stream.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The sequence number of the last event recovered or stored.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number of the snapshot recovery started from, or 0.</summary>
    public long SnapshotSequenceNr { get; private set; }

    public bool IsRecovering { get; private set; } = true;

    protected virtual Recovery Recovery => Recovery.Default;

    private PersistenceExtension Persistence => _persistence ??= PersistenceExtension.Get(Context.System);

    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => _recovery.Add(handler, shouldHandle);

    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => _commands.Add(handler, shouldHandle);

    protected void Command<T>(Predicate<T> shouldHandle, Action<T> handler) => _commands.Add(handler, shouldHandle);

    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => _commands.AddAsync(handler, shouldHandle);

    protected void CommandAny(Action<object> handler) => _commands.Add(handler, null);

    /// <summary>Stores the event; the handler runs once it is stored, before the next command.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        _pending.Add(new PendingWrite([new PendingEvent(@event, e => handler((TEvent)e))]));
    }

    /// <summary>Stores the events all or none (one atomic write); each handler runs once all are stored.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(handler);
        var batch = events.Select(e => new PendingEvent(e, o => handler((TEvent)o))).ToList();
        if (batch.Count > 0)
        {
            _pending.Add(new PendingWrite(batch));
        }
    }

    /// <summary>Called when an event could not be stored; the actor is stopped right after.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "Failed to persist {EventType} with sequence number {SequenceNr} of {PersistenceId}; stopping", @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when recovery failed; the actor is stopped right after.</summary>
    protected virtual void OnRecoveryFailure(Exception reason, object? @event) =>
        Log.Error(reason, "Recovery of {PersistenceId} failed at {EventType}; stopping", PersistenceId, @event?.GetType().Name);

    protected sealed override bool Receive(object message) => _commands.TryHandle(message, out _pendingCommandTask);

    internal override Task? AroundReceive(object message)
    {
        _pendingCommandTask = null;
        base.AroundReceive(message);
        var command = _pendingCommandTask;
        _pendingCommandTask = null;
        if (command is null)
        {
            return _pending.Count == 0 ? null : FlushAsync();
        }

        return CompleteCommandAsync(command);
    }

    internal override Task? AroundPreStart()
    {
        base.AroundPreStart();
        return RecoverAsync();
    }

    internal override Task? AroundPostRestart(Exception reason)
    {
        base.AroundPostRestart(reason);
        return RecoverAsync();
    }

    private Task? _pendingCommandTask;

    private async Task CompleteCommandAsync(Task command)
    {
        await command;
        if (_pending.Count > 0)
        {
            await FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        // Handlers may persist again; those events are written in the next round.
        while (_pending.Count > 0)
        {
            var batch = _pending.ToList();
            _pending.Clear();
            var now = Context.System.Time.GetUtcNow();
            var sequenceNr = LastSequenceNr;
            var writes = batch
                .Select(w => new AtomicWrite(w.Events.Select(e => new PersistentRepresentation(PersistenceId, ++sequenceNr, e.Event, now, _writerGuid)).ToList()))
                .ToList();
            try
            {
                await Persistence.Journal.WriteMessagesAsync(writes);
            }
            catch (Exception ex)
            {
                var first = writes[0].Payload[0];
                OnPersistFailure(ex, first.Payload, first.SequenceNr);
                Context.Stop(Self);
                return;
            }

            foreach (var pendingEvent in batch.SelectMany(w => w.Events))
            {
                LastSequenceNr++;
                pendingEvent.Handler(pendingEvent.Event);
            }
        }
    }

    private async Task RecoverAsync()
    {
        IsRecovering = true;
        object? current = null;
        try
        {
            var recovery = Recovery;
            var snapshot = await Persistence.SnapshotStore.LoadAsync(PersistenceId, recovery.FromSnapshot);
            if (snapshot is not null)
            {
                LastSequenceNr = SnapshotSequenceNr = snapshot.Metadata.SequenceNr;
                current = snapshot;
                RecoverWith(new SnapshotOffer(snapshot.Metadata, snapshot.Snapshot));
            }

            var highest = await Persistence.Journal.ReadHighestSequenceNrAsync(PersistenceId, LastSequenceNr);
            var to = Math.Min(recovery.ToSequenceNr, highest);
            if (to > LastSequenceNr && recovery.ReplayMax > 0)
            {
                await Persistence.Journal.ReplayMessagesAsync(PersistenceId, LastSequenceNr + 1, to, recovery.ReplayMax, representation =>
                {
                    current = representation.Payload;
                    LastSequenceNr = representation.SequenceNr;
                    RecoverWith(representation.Payload);
                });
            }

            // Sequence numbers continue after the highest ever stored, also when events were deleted or not replayed.
            LastSequenceNr = Math.Max(LastSequenceNr, highest);
            IsRecovering = false;
            current = RecoveryCompleted.Instance;
            _recovery.TryHandle(RecoveryCompleted.Instance, out _);
        }
        catch (Exception ex)
        {
            OnRecoveryFailure(ex, current);
            Context.Stop(Self);
        }
    }

    private void RecoverWith(object message)
    {
        if (!_recovery.TryHandle(message, out _))
        {
            Unhandled(message);
        }
    }

    private sealed record PendingEvent(object Event, Action<object> Handler);

    private sealed record PendingWrite(IReadOnlyList<PendingEvent> Events);
}
