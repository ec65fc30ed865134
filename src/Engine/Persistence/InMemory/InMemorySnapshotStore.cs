using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Persistence.InMemory;

/// <summary>
/// The snapshot store held in memory, for tests and tools, with the semantics of the SQLite store:
/// snapshots are stored serialised, one per (persistence id, sequence number), the youngest match wins.
/// </summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly EventSerializer _serializer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedList<long, StoredSnapshot>> _snapshots = new(StringComparer.Ordinal);
    private bool _disposed;

    public InMemorySnapshotStore(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        cancellationToken.ThrowIfCancellationRequested();
        StoredSnapshot? found = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_snapshots.TryGetValue(persistenceId, out var snapshots))
            {
                // One snapshot per sequence number, so the highest matching sequence number is the youngest.
                for (var i = snapshots.Count - 1; i >= 0 && found is null; i--)
                {
                    if (criteria.Matches(snapshots.Values[i].Metadata))
                    {
                        found = snapshots.Values[i];
                    }
                }
            }
        }

        try
        {
            return Task.FromResult(found is null
                ? null
                : new SelectedSnapshot(found.Metadata, _serializer.Deserialize(found.Manifest, found.Payload)));
        }
        catch (EventSerializationException ex)
        {
            return Task.FromException<SelectedSnapshot?>(ex);
        }
    }

    public Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(metadata.PersistenceId, nameof(metadata));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        SerializedPayload payload;
        try
        {
            payload = _serializer.Serialize(snapshot);
        }
        catch (EventSerializationException ex)
        {
            return Task.FromException(ex);
        }

        var stored = new StoredSnapshot(
            metadata with { Timestamp = new DateTimeOffset(metadata.Timestamp.UtcTicks, TimeSpan.Zero) }, payload.Manifest, payload.Utf8Json);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_snapshots.TryGetValue(metadata.PersistenceId, out var snapshots))
            {
                snapshots = [];
                _snapshots.Add(metadata.PersistenceId, snapshots);
            }

            snapshots[metadata.SequenceNr] = stored;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_snapshots.TryGetValue(metadata.PersistenceId, out var snapshots))
            {
                snapshots.Remove(metadata.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_snapshots.TryGetValue(persistenceId, out var snapshots))
            {
                foreach (var sequenceNr in snapshots.Where(s => criteria.Matches(s.Value.Metadata)).Select(s => s.Key).ToList())
                {
                    snapshots.Remove(sequenceNr);
                }
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        return ValueTask.CompletedTask;
    }

    private sealed record StoredSnapshot(SnapshotMetadata Metadata, string Manifest, byte[] Payload);
}
