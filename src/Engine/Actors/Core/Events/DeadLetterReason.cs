namespace QbConnector.Engine.Actors.Core.Events;

public enum DeadLetterReason
{
    /// <summary>The recipient had stopped (or stopped before processing it).</summary>
    RecipientStopped,

    /// <summary>The recipient's receive had no handler for it.</summary>
    Unhandled,

    /// <summary>The recipient's bounded mailbox was full.</summary>
    MailboxFull,
}
