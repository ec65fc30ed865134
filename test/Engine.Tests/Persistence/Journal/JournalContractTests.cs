using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Tests.Persistence.Journal;

/// <summary>
/// The journal contract, after Akka.Persistence's JournalSpec (TCK): every implementation runs it.
/// Each test starts with events 1..5 of persistence id "p-1".
/// </summary>
public abstract class JournalContractTests : IAsyncLifetime
{
    protected const string Pid = "p-1";
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private IAsyncWriteJournal? _journal;

    protected IAsyncWriteJournal Journal => _journal ?? throw new InvalidOperationException("Not initialised.");

    protected EventSerializer Serializer { get; } = TestSerializers.Create();

    public async Task InitializeAsync()
    {
        _journal = await CreateJournalAsync(Serializer);
        await WriteAsync(Pid, 1, 5);
    }

    public async Task DisposeAsync()
    {
        if (_journal is not null)
        {
            await _journal.DisposeAsync();
        }

        await CleanUpAsync();
    }

    protected abstract Task<IAsyncWriteJournal> CreateJournalAsync(EventSerializer serializer);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected static PersistentRepresentation Event(string pid, long sequenceNr, object? payload = null) =>
        new(pid, sequenceNr, payload ?? new ItemAdded($"{pid}-{sequenceNr}", (int)sequenceNr), T0.AddSeconds(sequenceNr), "writer-1");

    protected Task WriteAsync(string pid, long from, long to) =>
        Journal.WriteMessagesAsync([.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(n => new AtomicWrite([Event(pid, n)]))]);

    protected async Task<List<PersistentRepresentation>> ReplayAsync(string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var replayed = new List<PersistentRepresentation>();
        await Journal.ReplayMessagesAsync(pid, from, to, max, replayed.Add);
        return replayed;
    }

    protected async Task<List<long>> ReplayedNumbersAsync(string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue) =>
        [.. (await ReplayAsync(pid, from, to, max)).Select(r => r.SequenceNr)];

    [Fact]
    public async Task Replays_all_events()
    {
        (await ReplayedNumbersAsync(Pid)).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task Replays_events_from_a_lower_bound()
    {
        (await ReplayedNumbersAsync(Pid, from: 3)).Should().Equal(3, 4, 5);
    }

    [Fact]
    public async Task Replays_events_up_to_an_upper_bound()
    {
        (await ReplayedNumbersAsync(Pid, to: 3)).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Replays_events_between_both_bounds_inclusive()
    {
        (await ReplayedNumbersAsync(Pid, from: 2, to: 3)).Should().Equal(2, 3);
    }

    [Fact]
    public async Task Replays_at_most_the_count_limit()
    {
        (await ReplayedNumbersAsync(Pid, max: 3)).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Replays_one_event_with_count_one()
    {
        (await ReplayedNumbersAsync(Pid, from: 2, max: 1)).Should().Equal(2);
    }

    [Fact]
    public async Task Replays_nothing_with_count_zero()
    {
        (await ReplayedNumbersAsync(Pid, max: 0)).Should().BeEmpty();
    }

    [Fact]
    public async Task Replays_nothing_when_the_lower_bound_exceeds_the_upper()
    {
        (await ReplayedNumbersAsync(Pid, from: 3, to: 2)).Should().BeEmpty();
    }

    [Fact]
    public async Task Replays_nothing_beyond_the_highest_sequence_number()
    {
        (await ReplayedNumbersAsync(Pid, from: 6)).Should().BeEmpty();
    }

    [Fact]
    public async Task Replays_nothing_and_reports_zero_for_an_unknown_id()
    {
        (await ReplayedNumbersAsync("unknown")).Should().BeEmpty();
        (await Journal.ReadHighestSequenceNrAsync("unknown", 0)).Should().Be(0);
    }

    [Fact]
    public async Task Replays_payload_timestamp_and_writer_as_written()
    {
        var written = Event("p-2", 1, new WindowCompleted("Acme.qbw", SyncDataType.Invoice, T0.ToOffset(TimeSpan.FromHours(2)), 10.5m, 3));
        await Journal.WriteMessagesAsync([new AtomicWrite([written])]);

        var replayed = (await ReplayAsync("p-2")).Single();

        replayed.PersistenceId.Should().Be("p-2");
        replayed.SequenceNr.Should().Be(1);
        replayed.Payload.Should().Be(written.Payload).And.NotBeSameAs(written.Payload);
        replayed.Timestamp.Should().Be(written.Timestamp);
        replayed.WriterGuid.Should().Be("writer-1");
    }

    [Fact]
    public async Task Reads_the_highest_sequence_number()
    {
        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(5);
        (await Journal.ReadHighestSequenceNrAsync(Pid, 3)).Should().Be(5);
    }

    [Fact]
    public async Task Does_not_replay_deleted_events()
    {
        await Journal.DeleteMessagesToAsync(Pid, 3);

        (await ReplayedNumbersAsync(Pid)).Should().Equal(4, 5);
        (await ReplayedNumbersAsync(Pid, from: 1, to: 3)).Should().BeEmpty();
    }

    [Fact]
    public async Task Keeps_the_highest_sequence_number_after_a_partial_delete()
    {
        await Journal.DeleteMessagesToAsync(Pid, 3);

        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(5);
    }

    [Fact]
    public async Task Keeps_the_highest_sequence_number_after_deleting_everything()
    {
        await Journal.DeleteMessagesToAsync(Pid, 5);

        (await ReplayedNumbersAsync(Pid)).Should().BeEmpty();
        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(5);
    }

    [Fact]
    public async Task Keeps_the_highest_sequence_number_after_deleting_beyond_it_and_goes_on_from_there()
    {
        await Journal.DeleteMessagesToAsync(Pid, long.MaxValue);
        await WriteAsync(Pid, 6, 6);

        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(6);
        (await ReplayedNumbersAsync(Pid)).Should().Equal(6);
    }

    [Fact]
    public async Task Deleting_one_id_leaves_the_others()
    {
        await WriteAsync("p-2", 1, 3);

        await Journal.DeleteMessagesToAsync(Pid, 5);

        (await ReplayedNumbersAsync("p-2")).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_is_harmless()
    {
        await Journal.DeleteMessagesToAsync("unknown", 10);

        (await Journal.ReadHighestSequenceNrAsync("unknown", 0)).Should().Be(0);
    }

    [Fact]
    public async Task Stores_an_atomic_write_of_several_events()
    {
        await Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6), Event(Pid, 7), Event(Pid, 8)])]);

        (await ReplayedNumbersAsync(Pid, from: 6)).Should().Equal(6, 7, 8);
    }

    [Fact]
    public async Task Stores_none_of_an_atomic_write_holding_a_payload_that_cannot_be_serialised()
    {
        var act = () => Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6), Event(Pid, 7, new NotRegistered("x")), Event(Pid, 8)])]);

        await act.Should().ThrowAsync<UnregisteredEventTypeException>();
        (await ReplayedNumbersAsync(Pid)).Should().Equal(1, 2, 3, 4, 5);
        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(5);
    }

    [Fact]
    public async Task A_write_that_cannot_be_stored_fails_through_its_task_not_synchronously()
    {
        Task? pending = null;
        var call = () => { pending = Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6, new NotRegistered("x"))])]); };

        call.Should().NotThrow();
        var awaiting = () => pending!;
        await awaiting.Should().ThrowAsync<UnregisteredEventTypeException>();
    }

    [Fact]
    public async Task Stores_none_of_an_atomic_write_that_reuses_a_stored_sequence_number()
    {
        await WriteAsync(Pid, 8, 8);

        var act = () => Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6), Event(Pid, 7), Event(Pid, 8), Event(Pid, 9)])]);

        (await act.Should().ThrowAsync<SequenceNumberConflictException>()).Which.PersistenceId.Should().Be(Pid);
        (await ReplayedNumbersAsync(Pid)).Should().Equal(1, 2, 3, 4, 5, 8);
        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(8);
    }

    [Fact]
    public async Task Stores_none_of_a_call_when_one_of_its_atomic_writes_conflicts()
    {
        var act = () => Journal.WriteMessagesAsync([new AtomicWrite([Event("p-2", 1)]), new AtomicWrite([Event(Pid, 5)])]);

        await act.Should().ThrowAsync<SequenceNumberConflictException>();
        (await ReplayedNumbersAsync("p-2")).Should().BeEmpty();
    }

    [Fact]
    public async Task Rejects_an_atomic_write_mixing_persistence_ids()
    {
        var act = () => Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6), Event("p-2", 1)])]);

        await act.Should().ThrowAsync<ArgumentException>();
        (await ReplayedNumbersAsync("p-2")).Should().BeEmpty();
    }

    [Fact]
    public async Task Stores_several_atomic_writes_of_one_call_in_order()
    {
        await Journal.WriteMessagesAsync([
            new AtomicWrite([Event("p-2", 1), Event("p-2", 2)]),
            new AtomicWrite([Event("p-3", 1)]),
            new AtomicWrite([Event("p-2", 3)]),
        ]);

        (await ReplayedNumbersAsync("p-2")).Should().Equal(1, 2, 3);
        (await ReplayedNumbersAsync("p-3")).Should().Equal(1);
    }

    [Fact]
    public async Task Concurrent_writers_all_land_in_order_per_id()
    {
        const int writers = 16;
        const int eventsPerWriter = 40;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; n <= eventsPerWriter; n++)
            {
                await Journal.WriteMessagesAsync([new AtomicWrite([Event($"c-{w}", n)])]);
            }
        })));

        for (var w = 0; w < writers; w++)
        {
            var replayed = await ReplayAsync($"c-{w}");
            replayed.Select(r => r.SequenceNr).Should().Equal(Enumerable.Range(1, eventsPerWriter).Select(n => (long)n));
            replayed.Select(r => ((ItemAdded)r.Payload).Name).Should().Equal(Enumerable.Range(1, eventsPerWriter).Select(n => $"c-{w}-{n}"));
        }
    }

    [Fact]
    public async Task Writes_issued_without_waiting_land_in_call_order()
    {
        var pending = Enumerable.Range(6, 200).Select(n => Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, n)])])).ToList();

        await Task.WhenAll(pending);

        (await ReplayedNumbersAsync(Pid)).Should().Equal(Enumerable.Range(1, 205).Select(n => (long)n));
    }

    [Fact]
    public async Task A_cancelled_write_stores_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Journal.WriteMessagesAsync([new AtomicWrite([Event(Pid, 6)])], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Journal.ReadHighestSequenceNrAsync(Pid, 0)).Should().Be(5);
    }
}
