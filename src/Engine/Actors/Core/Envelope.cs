namespace QbConnector.Engine.Actors.Core;

/// <summary>A user message with its sender, as it travels through a mailbox.</summary>
/// <param name="BypassedBound">Enqueued by the kernel itself (timer ticks, Terminated) beyond a bounded mailbox's capacity.</param>
internal readonly record struct Envelope(object Message, IActorRef Sender, bool BypassedBound = false);
