using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Persistence.Eventsourced;

/// <summary>Snapshots and deletes: each completes with a success or failure message to the actor itself.</summary>
public abstract partial class PersistentActor
{
    /// <summary>Saves the state as of LastSequenceNr; replies SaveSnapshotSuccess or SaveSnapshotFailure.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Context.System.Time.GetUtcNow());
        ReplyToSelf(
            Persistence.SnapshotStore.SaveAsync(metadata, snapshot),
            () => new SaveSnapshotSuccess(metadata),
            ex => new SaveSnapshotFailure(metadata, ex));
    }

    /// <summary>Deletes the events up to toSequenceNr (long.MaxValue: all); replies DeleteMessagesSuccess or DeleteMessagesFailure.</summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        var to = toSequenceNr == long.MaxValue ? LastSequenceNr : toSequenceNr;
        ReplyToSelf(
            Persistence.Journal.DeleteMessagesToAsync(PersistenceId, to),
            () => new DeleteMessagesSuccess(to),
            ex => new DeleteMessagesFailure(ex, to));
    }

    /// <summary>Deletes the snapshots matching the criteria; replies DeleteSnapshotsSuccess or DeleteSnapshotsFailure.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ReplyToSelf(
            Persistence.SnapshotStore.DeleteAsync(PersistenceId, criteria),
            () => new DeleteSnapshotsSuccess(criteria),
            ex => new DeleteSnapshotsFailure(criteria, ex));
    }

    private void ReplyToSelf(Task operation, Func<object> success, Func<Exception, object> failure)
    {
        var self = Self;
        operation.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(t.Exception?.GetBaseException() ?? new TaskCanceledException(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
