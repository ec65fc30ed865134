using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;
using QbConnector.Engine.Tests.Persistence.Snapshots;

namespace QbConnector.Engine.Tests.Persistence.InMemory;

public sealed class InMemorySnapshotStoreTests : SnapshotStoreContractTests
{
    protected override Task<ISnapshotStore> CreateStoreAsync(EventSerializer serializer) =>
        Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(serializer));
}
