using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Persistence.Eventsourced;

/// <summary>
/// The journal and snapshot store of an actor system's persistent actors (as Akka's Persistence
/// extension): production registers the SQLite ones, tests the in-memory ones.
/// </summary>
public sealed class PersistenceExtension
{
    private PersistenceExtension(IAsyncWriteJournal journal, ISnapshotStore snapshotStore)
    {
        Journal = journal;
        SnapshotStore = snapshotStore;
    }

    public IAsyncWriteJournal Journal { get; }

    public ISnapshotStore SnapshotStore { get; }

    public static PersistenceExtension Register(ActorSystem system, IAsyncWriteJournal journal, ISnapshotStore snapshotStore)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        var extension = new PersistenceExtension(journal, snapshotStore);
        return system.TryRegisterExtension(extension)
            ? extension
            : throw new InvalidOperationException($"Actor system {system.Name} already has a journal and snapshot store.");
    }

    public static PersistenceExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetExtension<PersistenceExtension>()
            ?? throw new InvalidOperationException($"Actor system {system.Name} has no journal: call PersistenceExtension.Register first.");
    }
}
