using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Snapshots;
using QbConnector.Engine.Persistence.Sqlite;
using QbConnector.Engine.Tests.Persistence.Snapshots;

namespace QbConnector.Engine.Tests.Persistence.Sqlite;

public sealed class SqliteSnapshotStoreContractTests : SnapshotStoreContractTests
{
    private readonly TempDatabaseFolder _folder = new();

    protected override async Task<ISnapshotStore> CreateStoreAsync(EventSerializer serializer) =>
        await SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(_folder.File("snapshots.db")), serializer);

    protected override Task CleanUpAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
