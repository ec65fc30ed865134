using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Core;

/// <summary>The reference of an actor in this process: a thin handle on its cell.</summary>
internal sealed class LocalActorRef(ActorCell cell, string path, string name) : IInternalActorRef
{
    public string Path { get; } = path;

    public string Name { get; } = name;

    public ActorSystem System => Cell.System;

    internal ActorCell Cell { get; } = cell;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new Envelope(message, sender ?? ActorRefs.Nobody);
        if (!Cell.Mailbox.TryPost(envelope))
        {
            Cell.DeadLetter(envelope, DeadLetterReason.MailboxFull);
        }
    }

    public ValueTask TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Cell.Mailbox.PostAsync(new Envelope(message, sender ?? ActorRefs.Nobody), cancellationToken);
    }

    public void SendSystemMessage(ISystemMessage message) => Cell.Mailbox.PostSystem(message);

    public override string ToString() => Path;
}
