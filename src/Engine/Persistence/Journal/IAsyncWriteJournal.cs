namespace QbConnector.Engine.Persistence.Journal;

/// <summary>
/// The event journal, with the contract of Akka.Persistence's AsyncWriteJournal:
/// sequence numbers are strictly increasing per persistence id, deletes never lower the
/// highest sequence number, and replay is bounded by both ends inclusive and by a count.
/// </summary>
public interface IAsyncWriteJournal : IAsyncDisposable
{
    /// <summary>
    /// Stores the writes. Each AtomicWrite is stored all or none; concurrent callers may be
    /// batched into one transaction (group commit). Completes once the writes are durable.
    /// </summary>
    Task WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Replays events with fromSequenceNr ≤ SequenceNr ≤ toSequenceNr, in order, at most max of them.</summary>
    Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<PersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number ever stored for the id (also after deletes), or 0.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default);

    /// <summary>Deletes events up to and including toSequenceNr; they are never replayed again.</summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default);
}
