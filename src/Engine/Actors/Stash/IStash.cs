namespace QbConnector.Engine.Actors.Stash;

/// <summary>Sets messages aside to process them later (as Akka's IStash).</summary>
public interface IStash
{
    /// <summary>Sets the message being processed aside.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back at the front of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Drops the stash and returns the messages it held.</summary>
    IReadOnlyList<object> ClearStash();

    int Count { get; }
}
