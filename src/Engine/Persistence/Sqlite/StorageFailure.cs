namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>Why a database file of the journal or the snapshot store cannot be used.</summary>
public enum StorageFailure
{
    /// <summary>The file is not an SQLite database, or its pages are damaged.</summary>
    Corrupt,

    /// <summary>The file was written by a newer version with a schema this one does not know.</summary>
    NewerSchema,

    /// <summary>The disk (or the configured size limit) is full; the failed write was not stored.</summary>
    DiskFull,

    /// <summary>Another process or store instance holds the file.</summary>
    InUse,

    /// <summary>The operating system failed to read or write the file.</summary>
    Io,
}
