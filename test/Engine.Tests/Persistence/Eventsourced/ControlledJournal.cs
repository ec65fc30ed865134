using QbConnector.Engine.Persistence.Journal;

namespace QbConnector.Engine.Tests.Persistence.Eventsourced;

/// <summary>The real in-memory journal, with writes that a test can hold back or fail, and replays it can fail.</summary>
internal sealed class ControlledJournal(IAsyncWriteJournal inner) : IAsyncWriteJournal
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<AtomicWrite>> _writes = [];
    private TaskCompletionSource? _hold;
    private int _waitingWrites;

    public bool FailWrites { get; set; }

    public bool FailReplays { get; set; }

    public int WaitingWrites => Volatile.Read(ref _waitingWrites);

    public IReadOnlyList<IReadOnlyList<AtomicWrite>> Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes.ToList();
            }
        }
    }

    /// <summary>Holds every write until the returned action is called.</summary>
    public Action HoldWrites()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = hold;
        return () =>
        {
            _hold = null;
            hold.SetResult();
        };
    }

    public async Task WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        if (_hold is { } hold)
        {
            Interlocked.Increment(ref _waitingWrites);
            await hold.Task;
            Interlocked.Decrement(ref _waitingWrites);
        }

        if (FailWrites)
        {
            throw new IOException("disk unavailable");
        }

        lock (_gate)
        {
            _writes.Add(writes);
        }

        await inner.WriteMessagesAsync(writes, cancellationToken);
    }

    public Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<PersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default) =>
        FailReplays
            ? Task.FromException(new IOException("journal unreadable"))
            : inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
        inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
