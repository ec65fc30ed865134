namespace QbConnector.CloudEmulator.Store;

internal enum Region
{
    Canada,
    UK,
    US,
}

internal enum CompanyLinkState
{
    /// <summary>Created, no connector has linked it yet.</summary>
    Unlinked,
    Linked,
    Deauthorised,
}

internal enum DatasetStatus
{
    Queued,
    Fetching,
    Complete,
    Failed,
}

internal enum PushOperation
{
    Add,
    Mod,
}

internal enum PushStatus
{
    Pending,
    Success,
    Failed,
    Conflict,
}

internal sealed record Company(
    string Id,
    string Name,
    Region Region,
    DateTimeOffset CreatedAt,
    CompanyLinkState LinkState,
    string? InstallId,
    string? FileName,
    string? FileFingerprint,
    DateTimeOffset? LinkedAt,
    DateTimeOffset? LastSyncAt,
    string? LastError,
    bool Paused,
    DateTimeOffset? PausedUntil);

internal sealed record Dataset(
    string Id,
    string CompanyId,
    string DataType,
    bool FullSync,
    DatasetStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long RecordsReceived,
    long PagesReceived,
    string? Error);

internal sealed record Push(
    string Id,
    string CompanyId,
    string DataType,
    PushOperation Operation,
    byte[] RecordJson,
    string? RecordId,
    string? EditSequence,
    PushStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt,
    string? ResultId,
    string? ResultEditSequence,
    int? ErrorStatus,
    string? ErrorMessage,
    byte[]? ConflictJson);

/// <summary>A record as the connector sent it, in its newest known state.</summary>
internal sealed record StoredRecord(
    string Id,
    string EditSequence,
    string TimeModified,
    DateTimeOffset? TimeModifiedUtc,
    bool Deleted,
    byte[] Json,
    long Deliveries);

/// <summary>One record as it arrives in a data page.</summary>
internal sealed record IncomingRecord(
    string Id,
    string EditSequence,
    string TimeModified,
    DateTimeOffset? TimeModifiedUtc,
    bool Deleted,
    byte[] Json);

internal sealed record IncomingPage(
    string CompanyId,
    ulong Sequence,
    string? WorkId,
    string DataType,
    IReadOnlyList<IncomingRecord> Records);

internal sealed record DataTypeStats(long DistinctRecords, long ExistingRecords, long Deliveries, string ContentHash);

internal sealed record UpdateAnnouncement(string Version, string PackageUrl, string Sha256, byte[] Signature, DateTimeOffset PublishedAt);

/// <summary>The install a connector created at its first Link; only the credential's hash is kept.</summary>
internal sealed record Install(string Id, DateTimeOffset CreatedAt, string? ConnectorVersion, string? QuickBooksProduct, string? QuickBooksVersion, DateTimeOffset? LastSeenAt, string? LastErrors);
