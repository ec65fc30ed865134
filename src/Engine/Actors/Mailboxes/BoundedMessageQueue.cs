using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Mailboxes;

/// <summary>
/// A queue of at most Capacity user messages. Tell fails fast when it is full (the message becomes a
/// dead letter); TellAsync waits for space, which is how a fast producer is slowed to the actor's pace.
/// </summary>
internal sealed class BoundedMessageQueue : IMessageQueue, IDisposable
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly SemaphoreSlim _space;

    public BoundedMessageQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _space = new SemaphoreSlim(capacity, capacity);
    }

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;

    public bool TryEnqueue(Envelope envelope)
    {
        if (!_space.Wait(0))
        {
            return false;
        }

        _queue.Enqueue(envelope);
        return true;
    }

    public async ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        await _space.WaitAsync(cancellationToken);
        _queue.Enqueue(envelope);
    }

    public void EnqueueBypassingBound(Envelope envelope) => _queue.Enqueue(envelope with { BypassedBound = true });

    public bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope))
        {
            return false;
        }

        if (!envelope.BypassedBound)
        {
            _space.Release();
        }

        return true;
    }

    public void Dispose() => _space.Dispose();
}
