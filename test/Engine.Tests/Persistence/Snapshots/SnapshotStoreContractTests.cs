using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Tests.Persistence.Snapshots;

/// <summary>
/// The snapshot store contract, after Akka.Persistence's SnapshotStoreSpec (TCK): every implementation
/// runs it. Each test starts with snapshots at sequence numbers 10..14 of "p-1", one minute apart.
/// </summary>
public abstract class SnapshotStoreContractTests : IAsyncLifetime
{
    protected const string Pid = "p-1";
    protected static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<SnapshotMetadata> _saved = [];
    private ISnapshotStore? _store;

    protected ISnapshotStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync(TestSerializers.Create());
        for (var i = 0; i < 5; i++)
        {
            var metadata = new SnapshotMetadata(Pid, 10 + i, T0.AddMinutes(i));
            await Store.SaveAsync(metadata, State(metadata.SequenceNr));
            _saved.Add(metadata);
        }
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    protected abstract Task<ISnapshotStore> CreateStoreAsync(EventSerializer serializer);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected static CounterState State(long sequenceNr) => new(sequenceNr, [$"s{sequenceNr}"]);

    private async Task<long?> LoadedSequenceNrAsync(SnapshotSelectionCriteria criteria, string pid = Pid) =>
        (await Store.LoadAsync(pid, criteria))?.Metadata.SequenceNr;

    [Fact]
    public async Task Loads_nothing_for_an_unknown_id()
    {
        (await Store.LoadAsync("unknown", SnapshotSelectionCriteria.Latest)).Should().BeNull();
    }

    [Fact]
    public async Task Loads_nothing_when_no_sequence_number_matches()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(9, DateTimeOffset.MaxValue))).Should().BeNull();
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.None)).Should().BeNull();
    }

    [Fact]
    public async Task Loads_nothing_when_no_timestamp_matches()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, T0.AddSeconds(-1)))).Should().BeNull();
    }

    [Fact]
    public async Task Loads_the_latest_snapshot_with_its_state_and_metadata()
    {
        var loaded = await Store.LoadAsync(Pid, SnapshotSelectionCriteria.Latest);

        loaded.Should().NotBeNull();
        loaded!.Metadata.Should().Be(_saved[^1]);
        loaded.Snapshot.Should().BeEquivalentTo(State(14));
    }

    [Fact]
    public async Task Loads_the_youngest_snapshot_up_to_a_sequence_number()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(12, DateTimeOffset.MaxValue))).Should().Be(12);
    }

    [Fact]
    public async Task Loads_the_youngest_snapshot_up_to_a_timestamp()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, _saved[2].Timestamp))).Should().Be(12);
    }

    [Fact]
    public async Task Loads_within_both_upper_bounds()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(13, _saved[1].Timestamp))).Should().Be(11);
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(11, _saved[3].Timestamp))).Should().Be(11);
    }

    [Fact]
    public async Task Respects_the_lower_bounds()
    {
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(12, DateTimeOffset.MaxValue, MinSequenceNr: 12))).Should().Be(12);
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(12, DateTimeOffset.MaxValue, MinSequenceNr: 13))).Should().BeNull();
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, _saved[2].Timestamp, MinTimestamp: _saved[3].Timestamp))).Should().BeNull();
        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, _saved[3].Timestamp, MinTimestamp: _saved[3].Timestamp))).Should().Be(13);
    }

    [Fact]
    public async Task Compares_timestamps_as_instants_whatever_their_offset()
    {
        var atThirteenInParis = _saved[3].Timestamp.ToOffset(TimeSpan.FromHours(1));

        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, atThirteenInParis))).Should().Be(13);
    }

    [Fact]
    public async Task Deletes_one_snapshot_by_metadata()
    {
        await Store.DeleteAsync(_saved[4]);

        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(13);
    }

    [Fact]
    public async Task Deletes_only_the_snapshot_with_that_sequence_number()
    {
        await Store.DeleteAsync(_saved[2]);

        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(12, DateTimeOffset.MaxValue))).Should().Be(11);
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(14);
    }

    [Fact]
    public async Task Deletes_every_snapshot_matching_criteria()
    {
        await Store.DeleteAsync(Pid, new SnapshotSelectionCriteria(13, DateTimeOffset.MaxValue));

        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(13, DateTimeOffset.MaxValue))).Should().BeNull();
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(14);
    }

    [Fact]
    public async Task Deletes_by_criteria_within_lower_and_upper_bounds()
    {
        await Store.DeleteAsync(Pid, new SnapshotSelectionCriteria(13, DateTimeOffset.MaxValue, MinSequenceNr: 11));

        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(13, DateTimeOffset.MaxValue))).Should().Be(10);
    }

    [Fact]
    public async Task Deletes_by_timestamp_criteria()
    {
        await Store.DeleteAsync(Pid, new SnapshotSelectionCriteria(long.MaxValue, _saved[3].Timestamp));

        (await LoadedSequenceNrAsync(new SnapshotSelectionCriteria(long.MaxValue, _saved[3].Timestamp))).Should().BeNull();
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(14);
    }

    [Fact]
    public async Task Deleting_by_criteria_leaves_other_ids()
    {
        await Store.SaveAsync(new SnapshotMetadata("p-2", 3, T0), State(3));

        await Store.DeleteAsync(Pid, SnapshotSelectionCriteria.Latest);

        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().BeNull();
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest, "p-2")).Should().Be(3);
    }

    [Fact]
    public async Task Saving_over_an_existing_snapshot_replaces_it()
    {
        var again = new SnapshotMetadata(Pid, 14, T0.AddHours(1));
        await Store.SaveAsync(again, new CounterState(99, ["replaced"]));

        var loaded = await Store.LoadAsync(Pid, SnapshotSelectionCriteria.Latest);

        loaded!.Metadata.Should().Be(again);
        loaded.Snapshot.Should().BeEquivalentTo(new CounterState(99, ["replaced"]));
        await Store.DeleteAsync(again);
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(13);
    }

    [Fact]
    public async Task The_highest_sequence_number_wins_over_a_newer_timestamp()
    {
        await Store.SaveAsync(new SnapshotMetadata(Pid, 9, T0.AddHours(5)), State(9));

        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(14);
    }

    [Fact]
    public async Task Rejects_a_snapshot_that_cannot_be_serialised_and_keeps_the_previous()
    {
        var act = () => Store.SaveAsync(new SnapshotMetadata(Pid, 20, T0.AddHours(1)), new NotRegistered("x"));

        await act.Should().ThrowAsync<UnregisteredEventTypeException>();
        (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest)).Should().Be(14);
    }

    [Fact]
    public async Task Concurrent_saves_all_land()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.SaveAsync(new SnapshotMetadata($"c-{i}", i + 1, T0), State(i + 1)))));

        for (var i = 0; i < 20; i++)
        {
            (await LoadedSequenceNrAsync(SnapshotSelectionCriteria.Latest, $"c-{i}")).Should().Be(i + 1);
        }
    }
}
