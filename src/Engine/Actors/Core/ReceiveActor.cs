namespace QbConnector.Engine.Actors.Core;

/// <summary>
/// An actor whose behaviour is a table of typed handlers registered in its constructor (as Akka's
/// ReceiveActor). Async handlers still process one message at a time: the actor takes its next
/// message only when the returned task has completed.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerTable _handlers = new();
    private Task? _pendingTask;

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => _handlers.Add(handler, shouldHandle);

    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => _handlers.Add(handler, shouldHandle);

    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => _handlers.AddAsync(handler, shouldHandle);

    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => _handlers.AddAsync(handler, shouldHandle);

    protected void ReceiveAny(Action<object> handler) => _handlers.Add(handler, null);

    protected void ReceiveAnyAsync(Func<object, Task> handler) => _handlers.AddAsync(handler, null);

    /// <summary>Replaces the behaviour with the handlers that configure registers.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _handlers = new HandlerTable();
        configure();
    }

    protected sealed override bool Receive(object message)
    {
        var handled = _handlers.TryHandle(message, out var task);
        _pendingTask = task;
        return handled;
    }

    internal override Task? AroundReceive(object message)
    {
        _pendingTask = null;
        base.AroundReceive(message);
        var task = _pendingTask;
        _pendingTask = null;
        return task;
    }
}
