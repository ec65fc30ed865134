namespace QbConnector.Engine.Actors.Mailboxes;

/// <summary>Which user queue an actor gets: unbounded (the default) or bounded with back-pressure.</summary>
public sealed record MailboxOptions
{
    private MailboxOptions(int? capacity) => Capacity = capacity;

    public static MailboxOptions Unbounded { get; } = new((int?)null);

    /// <summary>Null when unbounded.</summary>
    public int? Capacity { get; }

    public static MailboxOptions Bounded(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new MailboxOptions(capacity);
    }

    internal IMessageQueue CreateQueue() => Capacity is { } capacity ? new BoundedMessageQueue(capacity) : new UnboundedMessageQueue();
}
