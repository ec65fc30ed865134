using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Shutdown;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Persistence.Eventsourced;

public sealed class PersistentActorTests : ActorTestKit
{
    private readonly ControlledJournal _journal;

    public PersistentActorTests()
    {
        var serializer = new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(Counter).Assembly));
        _journal = new ControlledJournal(new InMemoryJournal(serializer));
        PersistenceExtension.Register(System, _journal, new InMemorySnapshotStore(serializer));
    }

    [Fact]
    public async Task Persisted_events_are_replayed_by_the_next_incarnation()
    {
        var (first, probe) = Spawn("counter-1");
        await probe.ExpectAsync(new Ready(0, 0));
        (await first.Ask<Total>(new Add(2), Timeout)).Should().Be(new Total(2, 1));
        (await first.Ask<Total>(new Add(3), Timeout)).Should().Be(new Total(5, 2));
        (await first.GracefulStop(Timeout)).Should().BeTrue();

        var (second, replay) = Spawn("counter-1");

        await replay.ExpectAsync(new Recovered(2, 1));
        await replay.ExpectAsync(new Recovered(3, 2));
        await replay.ExpectAsync(new Ready(5, 2));
        (await second.Ask<Total>(new Add(1), Timeout)).Should().Be(new Total(6, 3));
    }

    [Fact]
    public async Task Commands_wait_until_the_event_is_stored_and_its_handler_ran()
    {
        var (counter, probe) = Spawn("counter-2");
        await probe.ExpectAsync(new Ready(0, 0));
        var release = _journal.HoldWrites();

        var add = counter.Ask<Total>(new Add(7), Timeout);
        var get = counter.Ask<Total>(new Get(), Timeout);
        await Eventually.TrueAsync(() => _journal.WaitingWrites == 1);
        get.IsCompleted.Should().BeFalse("the Get waits while the event is being stored");

        release();

        (await add).Should().Be(new Total(7, 1));
        (await get).Should().Be(new Total(7, 1), "the Get sees the state after the event's handler");
    }

    [Fact]
    public async Task PersistAll_stores_the_events_in_one_atomic_write_and_runs_the_handlers_in_order()
    {
        var (counter, probe) = Spawn("counter-3");
        await probe.ExpectAsync(new Ready(0, 0));

        counter.Tell(new AddAll([1, 2, 3]));

        await probe.ExpectAsync(new Applied(1, 1));
        await probe.ExpectAsync(new Applied(2, 2));
        await probe.ExpectAsync(new Applied(3, 3));
        var call = _journal.Writes.Should().ContainSingle().Subject;
        call.Should().ContainSingle().Which.Payload.Select(p => p.SequenceNr).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Recovery_starts_from_the_latest_snapshot_and_replays_only_later_events()
    {
        var (first, probe) = Spawn("counter-4");
        await probe.ExpectAsync(new Ready(0, 0));
        await first.Ask<Total>(new Add(2), Timeout);
        await first.Ask<Total>(new Add(3), Timeout);
        first.Tell(new Snap());
        (await probe.ExpectAsync<SaveSnapshotSuccess>()).Metadata.SequenceNr.Should().Be(2);
        await first.Ask<Total>(new Add(4), Timeout);
        await first.GracefulStop(Timeout);

        var (_, replay) = Spawn("counter-4");

        await replay.ExpectAsync(new Offered(5, 2));
        await replay.ExpectAsync(new Recovered(4, 3));
        await replay.ExpectAsync(new Ready(9, 3));
    }

    [Fact]
    public async Task RecoveryCompleted_arrives_once_also_for_an_empty_stream_and_before_any_command()
    {
        var (counter, probe) = Spawn("counter-5");
        counter.Tell(new Get(), probe.Ref);

        await probe.ExpectAsync(new Ready(0, 0));
        await probe.ExpectAsync(new Total(0, 0));
    }

    [Fact]
    public async Task A_failed_write_stops_the_actor_and_the_backoff_supervisor_restarts_it_to_recover()
    {
        var probe = CreateProbe();
        var supervisor = System.ActorOf(BackoffSupervisor.Props(BackoffOptions.OnStop(
            Props.Create(() => new Counter("counter-6", probe.Ref)), "counter", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)));
        await probe.ExpectAsync(new Ready(0, 0));
        (await supervisor.Ask<Total>(new Add(1), Timeout)).Should().Be(new Total(1, 1));

        _journal.FailWrites = true;
        supervisor.Tell(new Add(5));

        await probe.ExpectAsync(new PersistFailed(2));
        await Eventually.TrueAsync(async () => (await supervisor.Ask<CurrentChild>(GetCurrentChild.Instance, Timeout)).Ref is null);
        _journal.FailWrites = false;
        Clock.Advance(TimeSpan.FromSeconds(1));

        await probe.ExpectAsync(new Recovered(1, 1));
        await probe.ExpectAsync(new Ready(1, 1));
        (await supervisor.Ask<Total>(new Add(2), Timeout)).Should().Be(new Total(3, 2));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_and_sequence_numbers_continue()
    {
        var (first, probe) = Spawn("counter-7");
        await probe.ExpectAsync(new Ready(0, 0));
        for (var i = 1; i <= 3; i++)
        {
            await first.Ask<Total>(new Add(i), Timeout);
        }

        first.Tell(new DeleteUpTo(2));
        await probe.ExpectAsync(new DeleteMessagesSuccess(2));
        await first.GracefulStop(Timeout);

        var (second, replay) = Spawn("counter-7");

        await replay.ExpectAsync(new Recovered(3, 3));
        await replay.ExpectAsync(new Ready(3, 3));
        (await second.Ask<Total>(new Add(1), Timeout)).Should().Be(new Total(4, 4));
    }

    [Fact]
    public async Task Deleted_snapshots_are_not_offered()
    {
        var (first, probe) = Spawn("counter-8");
        await first.Ask<Total>(new Add(2), Timeout);
        first.Tell(new Snap());
        await probe.ExpectAsync(new Ready(0, 0));
        await probe.ExpectAsync<SaveSnapshotSuccess>();
        first.Tell(new DeleteAllSnapshots());
        await probe.ExpectAsync<DeleteSnapshotsSuccess>();
        await first.GracefulStop(Timeout);

        var (_, replay) = Spawn("counter-8");

        await replay.ExpectAsync(new Recovered(2, 1));
    }

    [Fact]
    public async Task A_failed_recovery_calls_OnRecoveryFailure_and_stops_the_actor()
    {
        var (first, probe) = Spawn("counter-9");
        await probe.ExpectAsync(new Ready(0, 0));
        await first.Ask<Total>(new Add(1), Timeout);
        await first.GracefulStop(Timeout);
        _journal.FailReplays = true;

        var (second, replay) = Spawn("counter-9");

        await replay.ExpectAsync(new RecoveryFailed());
        await WaitUntilTerminated(second);
    }

    private (IActorRef Actor, Probe Probe) Spawn(string persistenceId)
    {
        var probe = CreateProbe();
        return (System.ActorOf(Props.Create(() => new Counter(persistenceId, probe.Ref))), probe);
    }
}
