using QbConnector.Engine.Persistence.InMemory;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Tests.Persistence.Journal;

namespace QbConnector.Engine.Tests.Persistence.InMemory;

public sealed class InMemoryJournalTests : JournalContractTests
{
    protected override Task<IAsyncWriteJournal> CreateJournalAsync(EventSerializer serializer) =>
        Task.FromResult<IAsyncWriteJournal>(new InMemoryJournal(serializer));
}
