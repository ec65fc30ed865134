using Microsoft.Data.Sqlite;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;
using QbConnector.Engine.Persistence.Sqlite;

namespace QbConnector.Engine.Tests.Persistence.Sqlite;

/// <summary>What only a real file shows: durability settings, reopening, schema migration, damaged files, a full disk.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDatabaseFolder _folder = new();
    private readonly EventSerializer _serializer = TestSerializers.Create();

    private string JournalPath => _folder.File("journal.db");

    public void Dispose() => _folder.Dispose();

    private static PersistentRepresentation Event(string pid, long sequenceNr, object? payload = null) =>
        new(pid, sequenceNr, payload ?? new ItemAdded($"{pid}-{sequenceNr}", (int)sequenceNr), T0.AddSeconds(sequenceNr), "writer-1");

    private static Task WriteAsync(IAsyncWriteJournal journal, string pid, long from, long to) =>
        journal.WriteMessagesAsync([.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => new AtomicWrite([Event(pid, n)]))]);

    private static async Task<List<long>> ReplayedAsync(IAsyncWriteJournal journal, string pid)
    {
        var replayed = new List<long>();
        await journal.ReplayMessagesAsync(pid, 1, long.MaxValue, long.MaxValue, r => replayed.Add(r.SequenceNr));
        return replayed;
    }

    private Task<SqliteJournal> OpenJournalAsync(SqliteStoreOptions? options = null, EventSerializer? serializer = null) =>
        SqliteJournal.OpenAsync(options ?? new SqliteStoreOptions(JournalPath), serializer ?? _serializer);

    private static void ExecuteRaw(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long ScalarRaw(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Events_and_the_highest_sequence_number_survive_reopening_the_file()
    {
        await using (var journal = await OpenJournalAsync())
        {
            await WriteAsync(journal, "p-1", 1, 10);
            await journal.DeleteMessagesToAsync("p-1", 10);
            await WriteAsync(journal, "p-2", 1, 3);
        }

        await using var reopened = await OpenJournalAsync();

        (await ReplayedAsync(reopened, "p-2")).Should().Equal(1, 2, 3);
        (await ReplayedAsync(reopened, "p-1")).Should().BeEmpty();
        (await reopened.ReadHighestSequenceNrAsync("p-1", 0)).Should().Be(10);
    }

    [Fact]
    public async Task Snapshots_survive_reopening_the_file()
    {
        var path = _folder.File("snapshots.db");
        await using (var store = await SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(path), _serializer))
        {
            await store.SaveAsync(new SnapshotMetadata("p-1", 7, T0), new CounterState(7, ["x"]));
        }

        await using var reopened = await SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(path), _serializer);

        var loaded = await reopened.LoadAsync("p-1", SnapshotSelectionCriteria.Latest);
        loaded!.Metadata.Should().Be(new SnapshotMetadata("p-1", 7, T0));
        loaded.Snapshot.Should().BeEquivalentTo(new CounterState(7, ["x"]));
    }

    [Fact]
    public async Task The_journal_writes_with_wal_and_synchronous_full()
    {
        await using var journal = await OpenJournalAsync();

        var (journalMode, synchronous) = await journal.ReadWriterPragmasAsync();

        journalMode.Should().Be("wal");
        synchronous.Should().Be(2, "2 is FULL");
        ScalarRaw(JournalPath, "PRAGMA user_version;").Should().Be(2);
    }

    [Fact]
    public async Task The_snapshot_store_writes_with_wal_and_synchronous_full_in_a_file_of_its_own()
    {
        await using var journal = await OpenJournalAsync();
        await using var store = await SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(_folder.File("snapshots.db")), _serializer);

        var (journalMode, synchronous) = await store.ReadWriterPragmasAsync();

        journalMode.Should().Be("wal");
        synchronous.Should().Be(2);
        store.DatabasePath.Should().NotBe(journal.DatabasePath);
    }

    [Fact]
    public async Task Concurrent_writes_share_transactions()
    {
        await using var journal = await OpenJournalAsync();
        var before = journal.CommittedTransactions;

        await Task.WhenAll(Enumerable.Range(1, 300).Select(n => journal.WriteMessagesAsync([new AtomicWrite([Event("p-1", n)])])));

        (await ReplayedAsync(journal, "p-1")).Should().HaveCount(300);
        (journal.CommittedTransactions - before).Should().BeLessThan(300, "pending writes are committed together");
    }

    [Fact]
    public async Task A_conflicting_write_in_a_shared_batch_fails_alone()
    {
        await using var journal = await OpenJournalAsync();
        await WriteAsync(journal, "p-1", 1, 1);

        var writes = Enumerable.Range(0, 100)
            .Select(n => journal.WriteMessagesAsync([new AtomicWrite([n == 50 ? Event("p-1", 1) : Event($"q-{n}", 1)])]))
            .ToList();
        var outcome = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return null;
            }
            catch (SequenceNumberConflictException ex)
            {
                return ex;
            }
        }));

        outcome.Count(e => e is not null).Should().Be(1);
        outcome[50].Should().NotBeNull();
        for (var n = 0; n < 100; n++)
        {
            if (n != 50)
            {
                (await ReplayedAsync(journal, $"q-{n}")).Should().Equal(1);
            }
        }
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_is_refused_while_the_first_is_open()
    {
        await using var journal = await OpenJournalAsync();

        var act = () => OpenJournalAsync();

        (await act.Should().ThrowAsync<JournalStorageException>()).Which.Failure.Should().Be(StorageFailure.InUse);
        await journal.DisposeAsync();
        await using var again = await OpenJournalAsync();
    }

    [Fact]
    public async Task The_snapshot_store_refuses_the_file_the_journal_holds()
    {
        await using var journal = await OpenJournalAsync();

        var act = () => SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(JournalPath), _serializer);

        (await act.Should().ThrowAsync<JournalStorageException>()).Which.Failure.Should().Be(StorageFailure.InUse);
    }

    [Fact]
    public async Task A_journal_of_schema_version_1_is_migrated_and_keeps_its_events()
    {
        ExecuteRaw(JournalPath, """
            CREATE TABLE journal (
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                manifest TEXT NOT NULL,
                payload BLOB NOT NULL,
                writer_guid TEXT NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            ) WITHOUT ROWID;
            INSERT INTO journal VALUES ('p-1', 1, 638000000000000000, 'test.item-added.v1', CAST('{"name":"old","quantity":1}' AS BLOB), 'w');
            INSERT INTO journal VALUES ('p-1', 2, 638000000000000000, 'test.item-added.v1', CAST('{"name":"old","quantity":2}' AS BLOB), 'w');
            PRAGMA user_version = 1;
            """);

        await using var journal = await OpenJournalAsync();
        var replayed = new List<PersistentRepresentation>();
        await journal.ReplayMessagesAsync("p-1", 1, long.MaxValue, long.MaxValue, replayed.Add);
        await journal.DeleteMessagesToAsync("p-1", 2);

        replayed.Select(r => r.Payload).Should().Equal(new ItemAdded("old", 1), new ItemAdded("old", 2));
        (await journal.ReadHighestSequenceNrAsync("p-1", 0)).Should().Be(2);
        ScalarRaw(JournalPath, "PRAGMA user_version;").Should().Be(2);
    }

    [Fact]
    public async Task A_file_of_a_newer_schema_is_refused_and_left_untouched()
    {
        ExecuteRaw(JournalPath, "CREATE TABLE future (x INTEGER); PRAGMA user_version = 99;");
        var before = await File.ReadAllBytesAsync(JournalPath);

        var act = () => OpenJournalAsync();

        var error = (await act.Should().ThrowAsync<JournalStorageException>()).Which;
        error.Failure.Should().Be(StorageFailure.NewerSchema);
        error.Message.Should().Contain(JournalPath).And.Contain("99");
        (await File.ReadAllBytesAsync(JournalPath)).Should().Equal(before);
    }

    [Fact]
    public async Task A_file_of_garbage_bytes_is_reported_as_corrupt_by_name_and_never_overwritten()
    {
        var garbage = new byte[64 * 1024];
        new Random(42).NextBytes(garbage);
        await File.WriteAllBytesAsync(JournalPath, garbage);

        var act = () => OpenJournalAsync();

        var error = (await act.Should().ThrowAsync<JournalStorageException>()).Which;
        error.Failure.Should().Be(StorageFailure.Corrupt);
        error.DatabasePath.Should().Be(JournalPath);
        error.Message.Should().Contain(JournalPath).And.Contain("backup");
        (await File.ReadAllBytesAsync(JournalPath)).Should().Equal(garbage);

        // A second start meets the same file and the same clear error: nothing was replaced in between.
        await act.Should().ThrowAsync<JournalStorageException>();
        (await File.ReadAllBytesAsync(JournalPath)).Should().Equal(garbage);
    }

    [Fact]
    public async Task A_truncated_database_is_reported_as_corrupt_by_name_and_left_byte_identical()
    {
        await using (var journal = await OpenJournalAsync())
        {
            var big = new string('x', 2000);
            await journal.WriteMessagesAsync([.. Enumerable.Range(1, 400).Select(n => new AtomicWrite([Event("p-1", n, new ItemAdded(big, n))]))]);
        }

        var whole = await File.ReadAllBytesAsync(JournalPath);
        whole.Length.Should().BeGreaterThan(400 * 1024);
        var truncated = whole[..(whole.Length / 2)];
        await File.WriteAllBytesAsync(JournalPath, truncated);

        var act = () => OpenJournalAsync();

        var error = (await act.Should().ThrowAsync<JournalStorageException>()).Which;
        error.Failure.Should().Be(StorageFailure.Corrupt);
        error.Message.Should().Contain(JournalPath);
        (await File.ReadAllBytesAsync(JournalPath)).Should().Equal(truncated);
    }

    [Fact]
    public async Task A_damaged_page_deep_in_the_file_is_found_at_start_not_at_replay()
    {
        await using (var journal = await OpenJournalAsync())
        {
            var big = new string('z', 2000);
            await journal.WriteMessagesAsync([.. Enumerable.Range(1, 400).Select(n => new AtomicWrite([Event("p-1", n, new ItemAdded(big, n))]))]);
        }

        var damaged = await File.ReadAllBytesAsync(JournalPath);
        var pageSize = 4096;
        var middlePage = damaged.Length / pageSize / 2;
        Array.Fill(damaged, (byte)0xFF, middlePage * pageSize, pageSize);
        await File.WriteAllBytesAsync(JournalPath, damaged);

        var act = () => OpenJournalAsync();

        var error = (await act.Should().ThrowAsync<JournalStorageException>()).Which;
        error.Failure.Should().Be(StorageFailure.Corrupt);
        error.Message.Should().Contain(JournalPath);
        (await File.ReadAllBytesAsync(JournalPath)).Should().Equal(damaged);
    }

    [Fact]
    public async Task A_corrupt_snapshot_file_is_reported_by_name_and_left_untouched()
    {
        var path = _folder.File("snapshots.db");
        var garbage = "SQLite format 3\0"u8.ToArray().Concat(Enumerable.Repeat((byte)0xAB, 8192)).ToArray();
        await File.WriteAllBytesAsync(path, garbage);

        var act = () => SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(path), _serializer);

        var error = (await act.Should().ThrowAsync<JournalStorageException>()).Which;
        error.Failure.Should().Be(StorageFailure.Corrupt);
        error.Message.Should().Contain(path);
        (await File.ReadAllBytesAsync(path)).Should().Equal(garbage);
    }

    [Fact]
    public async Task A_full_disk_fails_the_write_with_a_typed_error_and_loses_nothing_committed()
    {
        var options = new SqliteStoreOptions(JournalPath) { MaxPageCount = 40 };
        var acknowledged = 0L;
        JournalStorageException? full = null;
        await using (var journal = await OpenJournalAsync(options))
        {
            var big = new string('y', 3000);
            for (var n = 1; n <= 1000 && full is null; n++)
            {
                try
                {
                    await journal.WriteMessagesAsync([new AtomicWrite([Event("p-1", n, new ItemAdded(big, n))])]);
                    acknowledged = n;
                }
                catch (JournalStorageException ex)
                {
                    full = ex;
                }
            }

            full.Should().NotBeNull("the size limit is far below 1000 events of 3 KB");
            full!.Failure.Should().Be(StorageFailure.DiskFull);
            full.Message.Should().Contain(JournalPath).And.Contain("intact");
            acknowledged.Should().BeGreaterThan(0);
            (await ReplayedAsync(journal, "p-1")).Should().Equal(Enumerable.Range(1, (int)acknowledged).Select(n => (long)n));

            var again = () => journal.WriteMessagesAsync([new AtomicWrite([Event("p-1", acknowledged + 1, new ItemAdded(big, 0))])]);
            (await again.Should().ThrowAsync<JournalStorageException>()).Which.Failure.Should().Be(StorageFailure.DiskFull);
        }

        await using var roomier = await OpenJournalAsync();
        (await ReplayedAsync(roomier, "p-1")).Should().HaveCount((int)acknowledged);
        await WriteAsync(roomier, "p-1", acknowledged + 1, acknowledged + 1);
        (await roomier.ReadHighestSequenceNrAsync("p-1", 0)).Should().Be(acknowledged + 1);
    }

    [Fact]
    public async Task Replay_names_a_stored_manifest_this_version_does_not_know()
    {
        await using (var journal = await OpenJournalAsync())
        {
            await journal.WriteMessagesAsync([new AtomicWrite([Event("p-1", 1, new CounterState(1, ["a"]))])]);
        }

        var narrower = new EventSerializer(new EventTypeRegistry().Register<ItemAdded>("test.item-added.v1"));
        await using var reopened = await OpenJournalAsync(serializer: narrower);

        var act = () => ReplayedAsync(reopened, "p-1");

        (await act.Should().ThrowAsync<UnknownEventManifestException>()).Which.Manifest.Should().Be("test.counter-state.v1");
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused()
    {
        var journal = await OpenJournalAsync();
        await journal.DisposeAsync();

        var act = () => WriteAsync(journal, "p-1", 1, 1);

        await act.Should().ThrowAsync<ObjectDisposedException>();
    }
}
