using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.Core.SystemMessages;
using QbConnector.Engine.Actors.DeathWatch;

namespace QbConnector.Engine.Actors.Ask;

/// <summary>
/// A temporary reply target: completes with the first message it gets (or the Terminated of a watched
/// actor), fails with AskTimeoutException when its time is up, and is released either way. Later
/// messages become dead letters.
/// </summary>
internal sealed class PromiseActorRef : IInternalActorRef
{
    private readonly TaskCompletionSource<object?> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;
    private int _released;

    public PromiseActorRef(ActorSystem system, TimeSpan timeout, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        System = system;
        Path = system.NextTemporaryPath();
        _timer = system.Time.CreateTimer(
            static state =>
            {
                var (promise, timeout, description) = ((PromiseActorRef, TimeSpan, string))state!;
                promise.Complete(p => p.TrySetException(new AskTimeoutException($"No reply from {description} within {timeout}.")));
            },
            (this, timeout, description),
            timeout,
            Timeout.InfiniteTimeSpan);
    }

    public string Path { get; }

    public ActorSystem System { get; }

    public Task<object?> Task => _promise.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var accepted = Complete(p => message switch
        {
            Status.Failure failure => p.TrySetException(failure.Cause),
            Status.Success success => p.TrySetResult(success.Result),
            _ => p.TrySetResult(message),
        });
        if (!accepted)
        {
            System.PublishDeadLetter(new DeadLetter(message, sender ?? ActorRefs.Nobody, this, DeadLetterReason.RecipientStopped));
        }
    }

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        Tell(message, sender);
        return ValueTask.CompletedTask;
    }

    public void SendSystemMessage(ISystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            Complete(p => p.TrySetResult(new Terminated(notification.Actor)));
        }
    }

    public void Cancel(CancellationToken token) => Complete(p => p.TrySetCanceled(token));

    public override string ToString() => Path;

    private bool Complete(Func<TaskCompletionSource<object?>, bool> complete)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return false;
        }

        _timer.Dispose();
        System.TemporaryRefReleased();
        return complete(_promise);
    }
}
