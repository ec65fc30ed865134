namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>
/// A database file of the journal or the snapshot store cannot be used. The message names the file
/// and says what to do; the file itself is never overwritten or deleted because of the failure.
/// </summary>
public sealed class JournalStorageException : Exception
{
    public JournalStorageException()
    {
    }

    public JournalStorageException(string message)
        : base(message)
    {
    }

    public JournalStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JournalStorageException(StorageFailure failure, string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        DatabasePath = databasePath;
    }

    public StorageFailure Failure { get; }

    public string? DatabasePath { get; }

    internal static JournalStorageException Corrupt(string path, string detail, Exception? inner = null) =>
        new(StorageFailure.Corrupt, path,
            $"The database file '{path}' is corrupt or is not an SQLite database ({detail}). It has been left untouched. " +
            "Stop the connector and move the file, with any '-wal' and '-shm' files beside it, to another folder (keep it for diagnosis) " +
            "or put back a backup; a missing file is created afresh on the next start.",
            inner);

    internal static JournalStorageException NewerSchema(string path, long found, long known) =>
        new(StorageFailure.NewerSchema, path,
            $"The database file '{path}' has schema version {found}, but this version of the connector knows versions up to {known}. " +
            "It was written by a newer connector: run that version again, or put back a backup made by this one. The file has been left untouched.");

    internal static JournalStorageException DiskFull(string path, Exception inner) =>
        new(StorageFailure.DiskFull, path,
            $"The disk holding '{path}' is full, or the database reached its size limit: this write was not stored; everything stored before it is intact. " +
            "Free disk space; writing resumes without a restart.",
            inner);

    internal static JournalStorageException InUse(string path, string detail, Exception? inner = null) =>
        new(StorageFailure.InUse, path,
            $"The database file '{path}' is in use ({detail}). Another connector may be running for this user; stop it, then start again.",
            inner);

    internal static JournalStorageException Io(string path, string detail, Exception inner) =>
        new(StorageFailure.Io, path,
            $"Reading or writing the database file '{path}' failed ({detail}). Check the disk and the file's permissions; the file has been left as it was.",
            inner);
}
