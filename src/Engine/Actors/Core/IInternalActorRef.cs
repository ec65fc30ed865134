using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Core;

/// <summary>The kernel's side of a reference: system messages (watch, stop, supervision) bypass the user queue.</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    void SendSystemMessage(ISystemMessage message);
}
