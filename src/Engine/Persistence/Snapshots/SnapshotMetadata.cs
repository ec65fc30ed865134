namespace QbConnector.Engine.Persistence.Snapshots;

/// <summary>Identifies a snapshot, as Akka's SnapshotMetadata.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);
