namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Which records a query selects, after the request's criteria are parsed.</summary>
internal sealed class RecordFilter
{
    public required IReadOnlyList<string> Types { get; init; }

    public IReadOnlyList<string>? Ids { get; init; }

    public IReadOnlyList<string>? Names { get; init; }

    public IReadOnlyList<string>? RefNumbers { get; init; }

    public long? ModifiedFrom { get; init; }

    public long? ModifiedTo { get; init; }

    public string? TxnDateFrom { get; init; }

    public string? TxnDateTo { get; init; }

    /// <summary>null = all, true = active only, false = inactive only.</summary>
    public bool? Active { get; init; }

    public string? NamePrefix { get; init; }

    public string? NameContains { get; init; }

    public string? NameSuffix { get; init; }

    public string? NameRangeFrom { get; init; }

    public string? NameRangeTo { get; init; }

    public IReadOnlyList<string>? EntityIds { get; init; }
}

/// <summary>Keyset paging position: records come back ordered by (OrderKey, RowId).</summary>
internal readonly record struct PageCursor(long OrderKey, long RowId);
