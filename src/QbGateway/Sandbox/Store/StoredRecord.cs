namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>
/// One list record or transaction as the sandbox stores it: the header fields QuickBooks filters and
/// sorts by as columns, and the rest of the Ret (everything after EditSequence) as an XML fragment in schema order.
/// </summary>
internal sealed class StoredRecord
{
    public long RowId { get; set; }

    public required string Type { get; init; }

    public required string Id { get; init; }

    public required string EditSequence { get; set; }

    public long TimeCreated { get; init; }

    public long TimeModified { get; set; }

    /// <summary>FullName (or Name) of a list record; null for transactions.</summary>
    public string? Name { get; set; }

    public string? RefNumber { get; set; }

    /// <summary>TxnDate as yyyy-MM-dd for transactions.</summary>
    public string? TxnDate { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The customer or vendor a transaction belongs to (its balance owner).</summary>
    public string? EntityId { get; set; }

    public decimal Amount { get; set; }

    /// <summary>What this transaction still adds to its entity's balance (negative for unused credits).</summary>
    public decimal OpenAmount { get; set; }

    public required string Body { get; set; }
}

/// <summary>One entry of QuickBooks' delete history.</summary>
internal sealed record DeletedRecord(string Type, string Id, long TimeCreated, long TimeDeleted, string? FullName, string? RefNumber);

/// <summary>One side of a double-entry posting, used for account balances and reports.</summary>
internal readonly record struct Posting(string AccountId, int DayNumber, decimal Amount);
