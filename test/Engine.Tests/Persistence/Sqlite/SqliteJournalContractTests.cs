using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Sqlite;
using QbConnector.Engine.Tests.Persistence.Journal;

namespace QbConnector.Engine.Tests.Persistence.Sqlite;

public sealed class SqliteJournalContractTests : JournalContractTests
{
    private readonly TempDatabaseFolder _folder = new();

    protected override async Task<IAsyncWriteJournal> CreateJournalAsync(EventSerializer serializer) =>
        await SqliteJournal.OpenAsync(new SqliteStoreOptions(_folder.File("journal.db")), serializer);

    protected override Task CleanUpAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
