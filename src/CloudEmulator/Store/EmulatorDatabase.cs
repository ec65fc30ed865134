using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>
/// The emulator's one SQLite file (WAL). One connection, used by one caller at a time: the
/// emulator's load is small and a single writer avoids SQLITE_BUSY altogether.
/// </summary>
internal sealed class EmulatorDatabase : IDisposable
{
    public const string FileName = "cloud-emulator.db";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;

    public EmulatorDatabase(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, FileName);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        Schema.Apply(this);
    }

    public string Path { get; }

    /// <summary>Runs work on the connection inside one transaction; rolls back if it throws.</summary>
    public T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var result = work(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    public void InTransaction(Action<SqliteConnection, SqliteTransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction<bool>((c, t) =>
        {
            work(c, t);
            return true;
        });
    }

    public void Execute(string sql)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
#pragma warning disable CA2100 // Schema and pragma text are constants of this program, never input.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }
}
