using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Mailboxes;

/// <summary>The user-message queue of a mailbox: many writers, one reader (the actor's turn).</summary>
internal interface IMessageQueue
{
    bool HasMessages { get; }

    int Count { get; }

    /// <summary>Enqueues without waiting; false when a bounded queue is full.</summary>
    bool TryEnqueue(Envelope envelope);

    /// <summary>Waits for space in a bounded queue.</summary>
    ValueTask EnqueueAsync(Envelope envelope, CancellationToken cancellationToken);

    /// <summary>For messages the kernel itself generates (timer ticks, Terminated), which must never be lost to a full queue.</summary>
    void EnqueueBypassingBound(Envelope envelope);

    bool TryDequeue(out Envelope envelope);
}
