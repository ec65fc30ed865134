using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Iterators;

/// <summary>One live iterator: its criteria (which Continue must resend unchanged) and how far it got.</summary>
internal sealed class QueryIterator
{
    public required string Id { get; init; }

    public required string RequestName { get; init; }

    public required string CriteriaSignature { get; init; }

    public required RecordFilter Filter { get; init; }

    public required int MaxReturned { get; init; }

    public PageCursor? Position { get; set; }

    /// <summary>
    /// The keys of the records after <see cref="Position"/> as of <see cref="KeysStamp"/>: while the
    /// file is unchanged they are exactly what the next pages hold, so a page costs its own size
    /// rather than a scan of the whole result.
    /// </summary>
    public List<PageCursor>? Keys { get; set; }

    /// <summary>How many of <see cref="Keys"/> have been returned.</summary>
    public int KeysTaken { get; set; }

    public (long, long) KeysStamp { get; set; }
}

/// <summary>The iterators of one session: they die with it (a later Continue gets 3391).</summary>
internal sealed class IteratorRegistry
{
    private readonly Dictionary<string, QueryIterator> _iterators = new(StringComparer.Ordinal);

    public QueryIterator Start(string requestName, string signature, RecordFilter filter, int maxReturned)
    {
        var iterator = new QueryIterator
        {
            Id = "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}",
            RequestName = requestName,
            CriteriaSignature = signature,
            Filter = filter,
            MaxReturned = maxReturned,
        };
        _iterators[iterator.Id] = iterator;
        return iterator;
    }

    public QueryIterator? Find(string id) => _iterators.GetValueOrDefault(id);

    public void Remove(string id) => _iterators.Remove(id);

    public void Clear() => _iterators.Clear();

    public int Count => _iterators.Count;
}
