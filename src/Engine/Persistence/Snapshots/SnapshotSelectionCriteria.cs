namespace QbConnector.Engine.Persistence.Snapshots;

/// <summary>
/// Which snapshots a load or delete considers, as Akka's SnapshotSelectionCriteria:
/// MinSequenceNr ≤ SequenceNr ≤ MaxSequenceNr and MinTimestamp ≤ Timestamp ≤ MaxTimestamp.
/// </summary>
public sealed record SnapshotSelectionCriteria(
    long MaxSequenceNr,
    DateTimeOffset MaxTimestamp,
    long MinSequenceNr = 0,
    DateTimeOffset? MinTimestamp = null)
{
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTimeOffset.MaxValue);

    public static SnapshotSelectionCriteria None { get; } = new(0, DateTimeOffset.MinValue);

    public bool Matches(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr <= MaxSequenceNr
            && metadata.Timestamp <= MaxTimestamp
            && metadata.SequenceNr >= MinSequenceNr
            && metadata.Timestamp >= (MinTimestamp ?? DateTimeOffset.MinValue);
    }
}
