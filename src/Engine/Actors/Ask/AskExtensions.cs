using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Ask;

/// <summary>Request/response on top of Tell (as Akka's Ask): the reply's sender is a temporary reference.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends the message and awaits the first reply. A Status.Failure reply faults the task with its
    /// cause; no reply within the timeout faults it with AskTimeoutException.
    /// </summary>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = (target as IInternalActorRef)?.System
            ?? throw new ArgumentException($"{target.Path} is not an actor of this process.", nameof(target));
        var promise = new PromiseActorRef(system, timeout, target.Path);
        using var registration = cancellationToken.Register(static (p, token) => ((PromiseActorRef)p!).Cancel(token), promise);
        target.Tell(message, promise);
        var reply = await promise.Task;
        return reply switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            _ => throw new InvalidCastException($"{target.Path} replied {reply?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
        };
    }

    public static Task<object> Ask(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        target.Ask<object>(message, timeout, cancellationToken);
}
