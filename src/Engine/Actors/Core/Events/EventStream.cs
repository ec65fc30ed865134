namespace QbConnector.Engine.Actors.Core.Events;

/// <summary>A small publish/subscribe hub of the system (dead letters), as Akka's EventStream.</summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    /// <summary>Calls the handler with every published event of type T, on the publishing thread, until disposed.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(typeof(T), e => handler((T)e));
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscriber);
        }

        return new Subscription(this, subscriber);
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var subscriber in _subscribers.Items)
        {
            if (subscriber.EventType.IsInstanceOfType(@event))
            {
                subscriber.Handler(@event);
            }
        }
    }

    private void Remove(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }

    private sealed record Subscriber(Type EventType, Action<object> Handler);

    // Copy-on-write so publishing never takes the lock.
    private sealed record ImmutableSubscribers(Subscriber[] Items)
    {
        public static ImmutableSubscribers Empty { get; } = new([]);

        public ImmutableSubscribers Add(Subscriber s) => new([.. Items, s]);

        public ImmutableSubscribers Remove(Subscriber s) => new(Items.Where(x => !ReferenceEquals(x, s)).ToArray());
    }

    private sealed class Subscription(EventStream stream, Subscriber subscriber) : IDisposable
    {
        public void Dispose() => stream.Remove(subscriber);
    }
}
