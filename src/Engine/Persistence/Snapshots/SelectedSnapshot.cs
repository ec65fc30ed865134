namespace QbConnector.Engine.Persistence.Snapshots;

/// <summary>A snapshot found by a load, with the state object it holds.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
