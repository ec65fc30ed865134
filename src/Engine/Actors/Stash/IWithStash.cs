namespace QbConnector.Engine.Actors.Stash;

/// <summary>
/// An actor with a stash; the kernel sets Stash right after the constructor. On restart the stash is
/// put back at the front of the mailbox; on stop its messages become dead letters.
/// </summary>
public interface IWithStash
{
    IStash Stash { get; set; }
}
