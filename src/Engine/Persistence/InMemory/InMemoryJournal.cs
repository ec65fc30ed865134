using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Persistence.InMemory;

/// <summary>
/// The journal held in memory, for tests and tools, with the semantics of the SQLite journal:
/// payloads are stored serialised (a payload that cannot be stored fails here as it would there),
/// a call's writes are stored all or none, a sequence number already stored is a conflict, and the
/// highest sequence number survives deletes.
/// </summary>
public sealed class InMemoryJournal : IAsyncWriteJournal
{
    private readonly EventSerializer _serializer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private bool _disposed;

    public InMemoryJournal(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    public Task WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        AtomicWriteValidation.Validate(writes);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        // Serialise everything first: a payload that cannot be stored fails the call before anything is stored.
        var rows = new List<StoredEvent>();
        try
        {
            foreach (var write in writes)
            {
                foreach (var representation in write.Payload)
                {
                    rows.Add(StoredEvent.From(representation, _serializer.Serialize(representation.Payload)));
                }
            }
        }
        catch (EventSerializationException ex)
        {
            return Task.FromException(ex);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var seen = new HashSet<(string, long)>();
            foreach (var row in rows)
            {
                if (!seen.Add((row.PersistenceId, row.SequenceNr))
                    || (_streams.TryGetValue(row.PersistenceId, out var stream) && stream.Events.ContainsKey(row.SequenceNr)))
                {
                    return Task.FromException(new SequenceNumberConflictException(row.PersistenceId, row.SequenceNr));
                }
            }

            foreach (var row in rows)
            {
                if (!_streams.TryGetValue(row.PersistenceId, out var stream))
                {
                    stream = new Stream();
                    _streams.Add(row.PersistenceId, stream);
                }

                stream.Events.Add(row.SequenceNr, row);
                stream.HighestSequenceNr = Math.Max(stream.HighestSequenceNr, row.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<PersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        cancellationToken.ThrowIfCancellationRequested();
        List<StoredEvent> selected;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (max <= 0 || fromSequenceNr > toSequenceNr || !_streams.TryGetValue(persistenceId, out var stream))
            {
                return Task.CompletedTask;
            }

            selected = [];
            foreach (var (sequenceNr, row) in stream.Events)
            {
                if (sequenceNr > toSequenceNr || selected.Count >= max)
                {
                    break;
                }

                if (sequenceNr >= fromSequenceNr)
                {
                    selected.Add(row);
                }
            }
        }

        // Deserialise and call back outside the lock, as the SQLite journal does while it reads.
        try
        {
            foreach (var row in selected)
            {
                cancellationToken.ThrowIfCancellationRequested();
                recoveryCallback(row.ToRepresentation(_serializer));
            }
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }

        return Task.CompletedTask;
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(_streams.TryGetValue(persistenceId, out var stream) ? stream.HighestSequenceNr : 0L);
        }
    }

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_streams.TryGetValue(persistenceId, out var stream))
            {
                // Events are sorted, so the ones to delete are a prefix.
                while (stream.Events.Count > 0 && stream.Events.Keys[0] <= toSequenceNr)
                {
                    stream.Events.RemoveAt(0);
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

    private sealed class Stream
    {
        public SortedList<long, StoredEvent> Events { get; } = [];

        public long HighestSequenceNr { get; set; }
    }

    private sealed record StoredEvent(string PersistenceId, long SequenceNr, long TimestampUtcTicks, string Manifest, byte[] Payload, string WriterGuid)
    {
        public static StoredEvent From(PersistentRepresentation representation, SerializedPayload payload) =>
            new(representation.PersistenceId, representation.SequenceNr, representation.Timestamp.UtcTicks, payload.Manifest, payload.Utf8Json, representation.WriterGuid ?? "");

        public PersistentRepresentation ToRepresentation(EventSerializer serializer) =>
            new(PersistenceId, SequenceNr, serializer.Deserialize(Manifest, Payload), new DateTimeOffset(TimestampUtcTicks, TimeSpan.Zero), WriterGuid);
    }
}
