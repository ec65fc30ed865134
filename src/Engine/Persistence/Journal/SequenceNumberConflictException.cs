namespace QbConnector.Engine.Persistence.Journal;

/// <summary>
/// A write carried a sequence number that is already stored for its persistence id: two writers for
/// one id, or a writer that lost track. Nothing of the failed call was stored.
/// </summary>
public sealed class SequenceNumberConflictException : Exception
{
    public SequenceNumberConflictException()
    {
    }

    public SequenceNumberConflictException(string persistenceId, long sequenceNr, Exception? innerException = null)
        : base($"Sequence number {sequenceNr} is already stored for persistence id '{persistenceId}'; nothing of this write was stored.", innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    public SequenceNumberConflictException(string message)
        : base(message)
    {
    }

    public SequenceNumberConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? PersistenceId { get; }

    public long SequenceNr { get; }
}
