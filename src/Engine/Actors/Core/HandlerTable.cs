namespace QbConnector.Engine.Actors.Core;

/// <summary>Typed handlers tried in registration order; the first whose type and predicate match handles the message.</summary>
internal sealed class HandlerTable
{
    private readonly List<Handler> _handlers = [];

    public void Add<T>(Action<T> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new Handler<T>(m => { handler(m); return null; }, shouldHandle));
    }

    public void AddAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new Handler<T>(handler, shouldHandle));
    }

    /// <summary>False when no handler matched; task is the pending work of an async handler, or null.</summary>
    public bool TryHandle(object message, out Task? task)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message, out task))
            {
                return true;
            }
        }

        task = null;
        return false;
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message, out Task? task);
    }

    private sealed class Handler<T>(Func<T, Task?> invoke, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message, out Task? task)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                task = invoke(typed);
                return true;
            }

            task = null;
            return false;
        }
    }
}
