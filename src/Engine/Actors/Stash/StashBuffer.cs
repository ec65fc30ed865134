using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;

namespace QbConnector.Engine.Actors.Stash;

/// <summary>The stash of one actor cell; used only from the actor's own turns.</summary>
internal sealed class StashBuffer(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope
            ?? throw new InvalidOperationException("Only the message being processed can be stashed.");
        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.PostFirst(first);
    }

    public void UnstashAll()
    {
        for (var i = _stashed.Count - 1; i >= 0; i--)
        {
            cell.Mailbox.PostFirst(_stashed[i]);
        }

        _stashed.Clear();
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _stashed.Select(e => e.Message).ToList();
        _stashed.Clear();
        return messages;
    }

    internal void DropToDeadLetters()
    {
        foreach (var envelope in _stashed)
        {
            cell.DeadLetter(envelope, DeadLetterReason.RecipientStopped);
        }

        _stashed.Clear();
    }
}
