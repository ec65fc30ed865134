namespace QbConnector.Engine.Actors.Timers;

/// <summary>A timer's message in the mailbox, stamped with the generation of the timer that sent it.</summary>
internal sealed record TimerTick(object Key, long Generation, object Message);
