using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>Reader connections of one database file, kept for reuse; WAL lets them read while the writer writes.</summary>
internal sealed class SqliteReaderPool(string fullPath) : IDisposable
{
    private const int Kept = 4;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs a read on a pooled connection, off the caller's thread; storage failures come back typed.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        return Task.Run(() =>
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _idle.TryTake(out var idle) ? idle : SqliteDatabase.OpenReader(fullPath);
            var healthy = false;
            try
            {
                var result = read(connection);
                healthy = true;
                return result;
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Map(ex, fullPath);
            }
            finally
            {
                if (healthy && !_disposed && _idle.Count < Kept)
                {
                    _idle.Add(connection);
                }
                else
                {
                    connection.Dispose();
                }
            }
        }, cancellationToken);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
