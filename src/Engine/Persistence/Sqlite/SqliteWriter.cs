using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Serilog;

namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>
/// The one writer connection of a database file. Callers enqueue work; a loop drains whatever is
/// pending into one transaction (group commit), so concurrent writers share one fsync, and completes
/// every caller's task after the commit. If a batch fails, each of its pieces is retried alone, so one
/// caller's bad write fails only that caller.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Channel<WriteCommand> _pending = Channel.CreateUnbounded<WriteCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private int _disposed;
    private long _transactions;

    public SqliteWriter(SqliteConnection connection, string path, int maxBatchSize, ILogger logger)
    {
        _connection = connection;
        _path = path;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _logger = logger;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The connection, for preparing commands; use it only inside work passed to <see cref="ExecuteAsync"/>.</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>Transactions committed so far (one per batch), to observe group commit.</summary>
    public long CommittedTransactions => Interlocked.Read(ref _transactions);

    /// <summary>Reads through the writer connection, in turn with the writes (for its per-connection settings).</summary>
    public async Task<T> QueryAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken)
    {
        T result = default!;
        await ExecuteAsync(0, _ => result = query(_connection), cancellationToken);
        return result;
    }

    /// <summary>Runs the work in a transaction shared with other pending work; completes after the commit.</summary>
    /// <param name="size">How much the work adds to a batch (events written), bounding a transaction's size.</param>
    public Task ExecuteAsync(int size, Action<SqliteTransaction> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var command = new WriteCommand(size, work, cancellationToken);
        if (!_pending.Writer.TryWrite(command))
        {
            return Task.FromException(new ObjectDisposedException(nameof(SqliteWriter), $"The store of '{_path}' is closed."));
        }

        return command.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _pending.Writer.TryComplete();
        await _loop;
        await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteCommand>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync())
            {
                batch.Clear();
                var size = 0;
                while (size < _maxBatchSize && _pending.Reader.TryRead(out var command))
                {
                    // Work not yet in a transaction can still honour its caller's cancellation.
                    if (command.CancellationToken.IsCancellationRequested)
                    {
                        command.Completion.TrySetCanceled(command.CancellationToken);
                        continue;
                    }

                    batch.Add(command);
                    size += command.Size;
                }

                if (batch.Count > 0)
                {
                    Commit(batch);
                }
            }
        }
        catch (Exception ex)
        {
            // Only a fault of the loop itself lands here; no caller may be left waiting.
            _logger.Fatal(ex, "The writer of {DatabasePath} stopped", _path);
            foreach (var command in batch)
            {
                command.Completion.TrySetException(ex);
            }

            _pending.Writer.TryComplete(ex);
            while (_pending.Reader.TryRead(out var command))
            {
                command.Completion.TrySetException(ex);
            }
        }
    }

    private void Commit(List<WriteCommand> batch)
    {
        try
        {
            RunInTransaction(batch);
            foreach (var command in batch)
            {
                command.Completion.TrySetResult();
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _logger.Debug(ex, "A batch of {Count} writes to {DatabasePath} failed; retrying each alone", batch.Count, _path);
        }
        catch (Exception ex)
        {
            Fail(batch[0], ex);
            return;
        }

        foreach (var command in batch)
        {
            try
            {
                RunInTransaction([command]);
                command.Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                Fail(command, ex);
            }
        }
    }

    private void Fail(WriteCommand command, Exception exception)
    {
        var mapped = SqliteErrors.Map(exception, _path);
        if (mapped is JournalStorageException storage)
        {
            _logger.Error(storage, "Write to {DatabasePath} failed: {Failure}", _path, storage.Failure);
        }

        command.Completion.TrySetException(mapped);
    }

    private void RunInTransaction(List<WriteCommand> commands)
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            foreach (var command in commands)
            {
                command.Work(transaction);
            }

            transaction.Commit();
            Interlocked.Increment(ref _transactions);
        }
        catch
        {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error is what matters.
            try
            {
                transaction.Rollback();
            }
            catch (Exception rollbackFailure) when (rollbackFailure is SqliteException or InvalidOperationException)
            {
                _logger.Debug(rollbackFailure, "Rollback on {DatabasePath} after a failed write", _path);
            }

            throw;
        }
        finally
        {
            try
            {
                transaction.Dispose();
            }
            catch (Exception disposeFailure) when (disposeFailure is SqliteException or InvalidOperationException)
            {
                _logger.Debug(disposeFailure, "Closing a failed transaction on {DatabasePath}", _path);
            }
        }
    }

    private sealed class WriteCommand(int size, Action<SqliteTransaction> work, CancellationToken cancellationToken)
    {
        public int Size { get; } = size;

        public Action<SqliteTransaction> Work { get; } = work;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
