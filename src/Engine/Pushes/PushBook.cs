using QbConnector.Engine.Companies.Events;

namespace QbConnector.Engine.Pushes;

/// <summary>Where one push stands, rebuilt from its events.</summary>
public sealed class PushEntry(string workId, PushOrder order, DateTimeOffset acceptedAt)
{
    public string WorkId { get; } = workId;

    public PushOrder Order { get; } = order;

    public DateTimeOffset AcceptedAt { get; } = acceptedAt;

    /// <summary>The write may have reached QuickBooks: its stored outcome must be asked for before any resend.</summary>
    public bool MaybeSent { get; internal set; }

    /// <summary>The final outcome, once known; then only the report to the cloud is left.</summary>
    public PushOutcome? Outcome { get; internal set; }
}

/// <summary>
/// A company's pushes: those not yet reported to the cloud, oldest first, and the ids of every
/// push ever accepted, so a push offered again after a reconnect is carried out once.
/// </summary>
public sealed class PushBook
{
    private readonly List<PushEntry> _open = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public IReadOnlyList<PushEntry> Open => _open;

    /// <summary>The push to work on next: the oldest not yet reported.</summary>
    public PushEntry? Next => _open.Count > 0 ? _open[0] : null;

    public bool Knows(string pushId) => _known.Contains(pushId);

    public PushEntry? Find(string pushId) => _open.Find(p => string.Equals(p.Order.PushId, pushId, StringComparison.Ordinal));

    /// <summary>Applies a push event; false for any other event.</summary>
    public bool Apply(object evt)
    {
        switch (evt)
        {
            case PushAccepted e:
                if (_known.Add(e.PushId))
                {
                    _open.Add(new PushEntry(e.WorkId, new PushOrder(e.PushId, e.DataType, e.Action, e.RecordJson, e.RecordId, e.EditSequence, e.Refusal), e.AcceptedAt));
                }

                return true;
            case PushSending e:
                if (Find(e.PushId) is { } sending)
                {
                    sending.MaybeSent = true;
                }

                return true;
            case PushOutcomeRecorded e:
                if (Find(e.PushId) is { } recorded)
                {
                    recorded.Outcome = e.Outcome;
                }

                return true;
            case PushReported e:
                _open.RemoveAll(p => string.Equals(p.Order.PushId, e.PushId, StringComparison.Ordinal));
                return true;
            default:
                return false;
        }
    }
}
