using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Core.Events;

/// <summary>A message that reached no handler: its recipient was stopped, its mailbox full, or no handler matched.</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient, DeadLetterReason Reason);
