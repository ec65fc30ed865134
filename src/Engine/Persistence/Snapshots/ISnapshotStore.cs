namespace QbConnector.Engine.Persistence.Snapshots;

/// <summary>The snapshot store, with the contract of Akka.Persistence's SnapshotStore.</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>The youngest snapshot (highest sequence number, then newest timestamp) matching the criteria, or null.</summary>
    Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);

    /// <summary>Saves a snapshot; saving again with the same persistence id and sequence number replaces it.</summary>
    Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default);

    /// <summary>Deletes the one snapshot with this persistence id and sequence number.</summary>
    Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Deletes every snapshot of the id that matches the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default);
}
