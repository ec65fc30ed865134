using System.Collections.Concurrent;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.Core.SystemMessages;
using QbConnector.Engine.Actors.Dispatch;

namespace QbConnector.Engine.Actors.Mailboxes;

/// <summary>
/// Feeds one actor one message at a time. A turn on the dispatcher first drains the system queue,
/// then takes up to Throughput user messages (system messages are checked again before each), then
/// yields the thread. A handler that returns an unfinished task keeps the turn open: nothing else is
/// processed until that task completes, and the turn resumes on the dispatcher.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly ConcurrentQueue<ISystemMessage> _system = new();
    private readonly IMessageQueue _user;
    private readonly LinkedList<Envelope> _prepended = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly ActorCell _cell;
    private readonly IDispatcher _dispatcher;
    private readonly int _throughput;
    private int _status;
    private volatile bool _isClosed;
    private Task? _pending;

    public Mailbox(ActorCell cell, IMessageQueue user, IDispatcher dispatcher, int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughput, 1);
        _cell = cell;
        _user = user;
        _dispatcher = dispatcher;
        _throughput = throughput;
    }

    public bool IsClosed => _isClosed;

    public int UserMessageCount => _user.Count + _prepended.Count;

    public void PostSystem(ISystemMessage message)
    {
        if (_isClosed)
        {
            _cell.SystemMessageAfterTermination(message);
            return;
        }

        _system.Enqueue(message);
        if (_isClosed)
        {
            DrainSystem();
        }

        Schedule();
    }

    /// <summary>False when the bounded queue is full; a closed mailbox turns the message into a dead letter itself.</summary>
    public bool TryPost(Envelope envelope)
    {
        if (_isClosed)
        {
            _cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
            return true;
        }

        if (!_user.TryEnqueue(envelope))
        {
            return false;
        }

        AfterPost();
        return true;
    }

    public async ValueTask PostAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        if (_isClosed)
        {
            _cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        try
        {
            await _user.EnqueueAsync(envelope, linked.Token);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
            return;
        }

        AfterPost();
    }

    public void PostBypassingBound(Envelope envelope)
    {
        if (_isClosed)
        {
            _cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
            return;
        }

        _user.EnqueueBypassingBound(envelope);
        AfterPost();
    }

    /// <summary>Puts a message before everything else in the user queue (unstash). Only from the actor's own turn.</summary>
    public void PostFirst(Envelope envelope) => _prepended.AddFirst(envelope);

    public void Schedule()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            _dispatcher.Execute(this);
        }
    }

    /// <summary>Called once by the cell when it has terminated: everything still queued becomes a dead letter.</summary>
    public void Close()
    {
        _isClosed = true;
        _closed.Cancel();
        while (_prepended.First is { } first)
        {
            _prepended.RemoveFirst();
            _cell.DeadLetter(first.Value, DeadLetterReason.RecipientStopped);
        }

        DrainUser();
        DrainSystem();
    }

    public void Execute()
    {
        if (_pending is { } finished)
        {
            _pending = null;
            _cell.AsyncStepCompleted(finished);
        }

        var processed = 0;
        while (true)
        {
            while (_system.TryDequeue(out var message))
            {
                if (Suspend(_cell.SystemInvoke(message)))
                {
                    return;
                }
            }

            if (_isClosed || processed >= _throughput || !_cell.CanProcessUserMessages || !TryDequeueUser(out var envelope))
            {
                break;
            }

            processed++;
            if (Suspend(_cell.Invoke(envelope)))
            {
                return;
            }
        }

        Volatile.Write(ref _status, Idle);
        if (HasWork())
        {
            Schedule();
        }
    }

    private bool Suspend(Task? step)
    {
        if (step is null)
        {
            return false;
        }

        // The turn stays Scheduled: no other thread may run this actor until the step is done.
        _pending = step;
        step.ContinueWith(
            static (_, state) => ((Mailbox)state!).Redispatch(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return true;
    }

    private void Redispatch() => _dispatcher.Execute(this);

    private bool HasWork() =>
        !_system.IsEmpty || (!_isClosed && _cell.CanProcessUserMessages && (_prepended.Count > 0 || _user.HasMessages));

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_prepended.First is { } first)
        {
            _prepended.RemoveFirst();
            envelope = first.Value;
            return true;
        }

        return _user.TryDequeue(out envelope);
    }

    private void AfterPost()
    {
        if (_isClosed)
        {
            // Lost the race with Close: the message must still become a dead letter.
            DrainUser();
            return;
        }

        Schedule();
    }

    private void DrainUser()
    {
        while (_user.TryDequeue(out var envelope))
        {
            _cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
        }
    }

    private void DrainSystem()
    {
        while (_system.TryDequeue(out var message))
        {
            _cell.SystemMessageAfterTermination(message);
        }
    }
}
