using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Serilog;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>
/// Opens a store's database file: refuses a damaged or newer file without writing to it, sets WAL
/// and synchronous=FULL, and applies the schema migrations. Only one store per file may be open in
/// this process, so that each file has exactly one writer connection.
/// </summary>
internal static class SqliteDatabase
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();
    private static readonly ConcurrentDictionary<string, byte> OpenFiles =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Claims the file for this process's one writer; release with <see cref="Release"/>.</summary>
    public static string Claim(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!OpenFiles.TryAdd(fullPath, 0))
        {
            throw JournalStorageException.InUse(fullPath, "a store of this process already has it open");
        }

        return fullPath;
    }

    public static void Release(string fullPath) => OpenFiles.TryRemove(fullPath, out _);

    /// <summary>Opens the writer connection of a claimed file, checked, configured and migrated.</summary>
    public static SqliteConnection OpenWriter(string fullPath, IReadOnlyList<SqliteMigration> migrations, SqliteStoreOptions options, ILogger logger)
    {
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var existed = CheckHeader(fullPath);
        var connection = new SqliteConnection(ConnectionString(fullPath));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000;");

            // Read-only checks come first: nothing may be written to a file that turns out to be damaged or newer.
            if (existed && options.CheckIntegrityOnOpen)
            {
                var verdict = Scalar<string>(connection, "PRAGMA quick_check(1);");
                if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
                {
                    throw JournalStorageException.Corrupt(fullPath, $"integrity check: {verdict}");
                }
            }

            var latest = migrations.Max(m => m.Version);
            var version = Scalar<long>(connection, "PRAGMA user_version;");
            if (version > latest)
            {
                throw JournalStorageException.NewerSchema(fullPath, version, latest);
            }

            var mode = Scalar<string>(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw JournalStorageException.InUse(fullPath, $"could not switch to write-ahead logging, journal mode stays '{mode}'");
            }

            Execute(connection, "PRAGMA synchronous = FULL;");
            if (options.MaxPageCount is { } maxPages)
            {
                Execute(connection, $"PRAGMA max_page_count = {maxPages};");
            }

            Migrate(connection, version, migrations, fullPath, logger);
            logger.Information("Opened {DatabasePath} (schema version {SchemaVersion}, WAL, synchronous=FULL)", fullPath, latest);
            return connection;
        }
        catch (Exception ex)
        {
            connection.Dispose();
            if (ex is SqliteException)
            {
                var mapped = SqliteErrors.Map(ex, fullPath);
                logger.Error(mapped, "Cannot open {DatabasePath}", fullPath);
                throw mapped;
            }

            logger.Error(ex, "Cannot open {DatabasePath}", fullPath);
            throw;
        }
    }

    /// <summary>Opens a connection for reading beside the writer (WAL lets readers run during writes).</summary>
    public static SqliteConnection OpenReader(string fullPath)
    {
        var connection = new SqliteConnection(ConnectionString(fullPath));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 5000; PRAGMA query_only = ON;");
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw SqliteErrors.Map(ex, fullPath);
        }
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>True when the file exists with content; throws when that content is not an SQLite database.</summary>
    private static bool CheckHeader(string fullPath)
    {
        var file = new FileInfo(fullPath);
        if (!file.Exists || file.Length == 0)
        {
            return false;
        }

        var header = new byte[Header.Length];
        int read;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (IOException ex)
        {
            throw JournalStorageException.Io(fullPath, ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw JournalStorageException.Io(fullPath, ex.Message, ex);
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(Header))
        {
            throw JournalStorageException.Corrupt(fullPath, "the file does not start with the SQLite header");
        }

        return true;
    }

    private static void Migrate(SqliteConnection connection, long current, IReadOnlyList<SqliteMigration> migrations, string fullPath, ILogger logger)
    {
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, migration.Sql, transaction);
            Execute(connection, $"PRAGMA user_version = {migration.Version};", transaction);
            transaction.Commit();
            logger.Information("Migrated {DatabasePath} to schema version {SchemaVersion}: {Migration}", fullPath, migration.Version, migration.Description);
        }
    }
}
