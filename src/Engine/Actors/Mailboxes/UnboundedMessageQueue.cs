using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Mailboxes;

internal sealed class UnboundedMessageQueue : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;

    public bool TryEnqueue(Envelope envelope)
    {
        _queue.Enqueue(envelope);
        return true;
    }

    public ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        _queue.Enqueue(envelope);
        return ValueTask.CompletedTask;
    }

    public void EnqueueBypassingBound(Envelope envelope) => _queue.Enqueue(envelope);

    public bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);
}
