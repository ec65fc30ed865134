using Microsoft.Data.Sqlite;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>Maps SQLite result codes to the typed storage errors the rest of the engine handles.</summary>
internal static class SqliteErrors
{
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int NotADb = 26;

    public static int PrimaryCode(this SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    /// <summary>The typed error for a failure on the file, or the exception itself when it is not about storage.</summary>
    public static Exception Map(Exception exception, string path)
    {
        if (exception is not SqliteException sqlite)
        {
            return exception;
        }

        return sqlite.PrimaryCode() switch
        {
            Full => JournalStorageException.DiskFull(path, sqlite),
            Corrupt or NotADb => JournalStorageException.Corrupt(path, sqlite.Message, sqlite),
            Busy or Locked => JournalStorageException.InUse(path, sqlite.Message, sqlite),
            IoErr or ReadOnly or CantOpen => JournalStorageException.Io(path, sqlite.Message, sqlite),
            _ => exception,
        };
    }
}
