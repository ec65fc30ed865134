using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// An address whose actor is created a moment later: the companies and the cloud link each need
/// the other's address, so one of them is handed this and it is pointed at the real actor.
/// </summary>
internal sealed class DeferredActorRef(string name) : IActorRef
{
    public IActorRef? Target { get; set; }

    public string Path => Target?.Path ?? "/deferred/" + name;

    public void Tell(object message, IActorRef? sender = null) =>
        (Target ?? throw new InvalidOperationException($"{name} is not started yet.")).Tell(message, sender);

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default) =>
        (Target ?? throw new InvalidOperationException($"{name} is not started yet.")).TellAsync(message, sender, cancellationToken);
}
