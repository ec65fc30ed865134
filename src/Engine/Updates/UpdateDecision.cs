namespace QbConnector.Engine.Updates;

/// <summary>The immediate answer to an announcement: taken up (download under way) or refused, with why.</summary>
public sealed record UpdateDecision(bool Accepted, string? Reason)
{
    public static readonly UpdateDecision Started = new(true, null);

    public static UpdateDecision Refused(string reason) => new(false, reason);
}
