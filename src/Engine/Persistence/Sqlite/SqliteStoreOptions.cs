namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>Where and how a journal or snapshot store keeps its SQLite file.</summary>
public sealed record SqliteStoreOptions(string DatabasePath)
{
    /// <summary>The most events (or snapshot commands) that one group-commit transaction takes.</summary>
    public int MaxBatchSize { get; init; } = 4096;

    /// <summary>Reads every page at start (PRAGMA quick_check) so a damaged file is reported before it is used.</summary>
    public bool CheckIntegrityOnOpen { get; init; } = true;

    /// <summary>
    /// Caps the file at this many pages (4 KiB each); a write beyond it fails as a full disk would.
    /// Null leaves the size to the disk.
    /// </summary>
    public long? MaxPageCount { get; init; }
}
