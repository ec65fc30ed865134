using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Persistence.Eventsourced;

/// <summary>What a persistent actor replays when it starts (as Akka's Recovery).</summary>
/// <param name="FromSnapshot">Which snapshot to start from; SnapshotSelectionCriteria.None skips snapshots.</param>
/// <param name="ToSequenceNr">Replay events up to this sequence number.</param>
/// <param name="ReplayMax">Replay at most this many events.</param>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>Start empty: no snapshot and no events (the sequence number still continues after the highest stored).</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0, 0);
}
