using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;
using QbConnector.Engine.Tests.Actors.Support;

namespace QbConnector.Engine.Tests.Persistence.Eventsourced;

[EventManifest("test.eventsourced.added.v1")]
public sealed record Added(int Amount);

[EventManifest("test.eventsourced.counter-snapshot.v1")]
public sealed record CounterSnapshot(int Total);

public sealed record Add(int Amount);

public sealed record AddAll(IReadOnlyList<int> Amounts);

public sealed record Get;

public sealed record Snap;

public sealed record DeleteUpTo(long ToSequenceNr);

public sealed record DeleteAllSnapshots;

public sealed record Total(int Value, long SequenceNr);

public sealed record Recovered(int Amount, long SequenceNr);

public sealed record Offered(int Total, long SequenceNr);

public sealed record Ready(int Total, long SequenceNr);

public sealed record Applied(int Amount, long SequenceNr);

public sealed record PersistFailed(long SequenceNr);

public sealed record RecoveryFailed;

/// <summary>A persistent counter that reports each step of its life to a probe.</summary>
internal sealed class Counter : PersistentActor
{
    private readonly string _persistenceId;
    private readonly IActorRef _probe;
    private int _total;

    public Counter(string persistenceId, IActorRef probe)
    {
        _persistenceId = persistenceId;
        _probe = probe;
        Recover<Added>(e =>
        {
            _total += e.Amount;
            probe.Tell(new Recovered(e.Amount, LastSequenceNr));
        });
        Recover<SnapshotOffer>(o =>
        {
            _total = ((CounterSnapshot)o.Snapshot).Total;
            probe.Tell(new Offered(_total, o.Metadata.SequenceNr));
        });
        Recover<RecoveryCompleted>(_ => probe.Tell(new Ready(_total, LastSequenceNr)));

        Command<Add>(c => Persist(new Added(c.Amount), e =>
        {
            _total += e.Amount;
            Sender.Tell(new Total(_total, LastSequenceNr), Self);
        }));
        Command<AddAll>(c => PersistAll(c.Amounts.Select(a => new Added(a)), e =>
        {
            _total += e.Amount;
            probe.Tell(new Applied(e.Amount, LastSequenceNr));
        }));
        Command<Get>(_ => Sender.Tell(new Total(_total, LastSequenceNr), Self));
        Command<Snap>(_ => SaveSnapshot(new CounterSnapshot(_total)));
        Command<DeleteUpTo>(d => DeleteMessages(d.ToSequenceNr));
        Command<DeleteAllSnapshots>(_ => DeleteSnapshots(SnapshotSelectionCriteria.Latest));
        Command<Ping>(_ => Sender.Tell(Pong.Instance, Self));
        CommandAny(m => probe.Tell(m));
    }

    public override string PersistenceId => _persistenceId;

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        _probe.Tell(new PersistFailed(sequenceNr));
    }

    protected override void OnRecoveryFailure(Exception reason, object? @event)
    {
        base.OnRecoveryFailure(reason, @event);
        _probe.Tell(new RecoveryFailed());
    }
}
