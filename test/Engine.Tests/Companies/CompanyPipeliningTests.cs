using System.Collections.Concurrent;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Persistence.Journal;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Stats;
using QbConnector.QbGateway.Sessions;
using QbConnector.Engine.Tests.Companies.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>
/// QuickBooks answers one request at a time, so it must not wait while the connector makes the
/// previous answer durable: the next window's request goes out before the finished window is
/// persisted, the next page's before the answer's records are read, and nothing is lost or sent
/// twice for it.
/// </summary>
public sealed class CompanyPipeliningTests : IAsyncLifetime
{
    private readonly SandboxCompanyRig _rig = new("pipelining", seed: 11);
    private volatile string? _cutRecordId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task The_next_window_is_asked_for_while_the_finished_one_is_still_being_persisted()
    {
        var journal = new HeldJournal(_rig.Journal, holdFirst: events => events.OfType<WindowCompleted>().Any());
        var session = new RecordingSession(new SandboxQbSession());
        await using var engine = _rig.Start(journal, session);

        engine.Company.Tell(SandboxCompanyRig.Work("w1", "invoices"));

        // The first window's completion is held in the journal; the second window must start meanwhile.
        await journal.Held.WaitAsync(TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(
            () => WindowStarts(session) >= 2,
            TimeSpan.FromSeconds(20),
            "QuickBooks gets the second window's request while the first window's completion is still being written");
        journal.Release();

        await Eventually.TrueAsync(() => engine.Status.Get("c1")?.LastSyncs.ContainsKey("invoices") == true, TimeSpan.FromSeconds(60), "the sync finished");
        var sent = (await _rig.PendingMessagesAsync())
            .Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage)
            .SelectMany(m => DataPageBuilder.ReadRecords(m.DataPage).Select(r => r.Id))
            .ToList();
        sent.Should().OnlyHaveUniqueItems();
        sent.Should().HaveCount((int)SandboxStats.Compute(_rig.File).DataTypes.Single(d => d.DataType == "invoices").Count);
        WindowStarts(session).Should().BeGreaterThan(2, "the invoices came in several windows");
    }

    [Fact]
    public async Task The_next_page_is_asked_for_from_the_answers_header_before_its_records_are_read()
    {
        // The first answer of invoices whose header says more remain has records that cannot be read.
        var session = new RecordingSession(new SandboxQbSession(), CutFirstPageOfMany);
        await using var engine = _rig.Start(session: session);

        engine.Company.Tell(SandboxCompanyRig.Work("w1", "invoices"));

        await Eventually.TrueAsync(
            async () => (await _rig.PendingMessagesAsync()).Any(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkFailed),
            TimeSpan.FromSeconds(60),
            "the work item failed on the unreadable page");
        var messages = await _rig.PendingMessagesAsync();
        messages.Single(m => m.BodyCase == ClientMessage.BodyOneofCase.WorkFailed).WorkFailed.Error.Message
            .Should().Be("QuickBooks sent an answer the connector could not read.");
        _cutRecordId.Should().NotBeNull("a window of invoices took more than one page");
        messages.Where(m => m.BodyCase == ClientMessage.BodyOneofCase.DataPage)
            .SelectMany(m => DataPageBuilder.ReadRecords(m.DataPage).Select(r => r.Id))
            .Should().NotContain(_cutRecordId, "nothing of the unreadable page is sent");

        // Only a page leaving more in the iterator is followed by a Continue, and the cut one was the first such page.
        session.Requests.Should().Contain(
            r => r.Contains("InvoiceQueryRq", StringComparison.Ordinal) && r.Contains("iterator=\"Continue\"", StringComparison.Ordinal),
            "the request for the next page went out on the header alone, before the records were read");
    }

    private string CutFirstPageOfMany(string answer)
    {
        const string end = "</InvoiceRet>";
        var index = answer.IndexOf(end, StringComparison.Ordinal);
        if (_cutRecordId is not null || index < 0 || answer.Contains("iteratorRemainingCount=\"0\"", StringComparison.Ordinal))
        {
            return answer;
        }

        var idStart = answer.IndexOf("<TxnID>", StringComparison.Ordinal) + "<TxnID>".Length;
        _cutRecordId = answer[idStart..answer.IndexOf("</TxnID>", idStart, StringComparison.Ordinal)];
        return answer[..(index + end.Length)] + "<InvoiceRet><TxnID>";
    }

    private static int WindowStarts(RecordingSession session) =>
        session.Requests.Count(r => r.Contains("InvoiceQueryRq", StringComparison.Ordinal) && r.Contains("iterator=\"Start\"", StringComparison.Ordinal));

    /// <summary>A journal that holds the first write matching a condition until released, as a slow disk would.</summary>
    private sealed class HeldJournal(IAsyncWriteJournal inner, Func<IEnumerable<object>, bool> holdFirst) : IAsyncWriteJournal
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _holding;

        public Task Held => _held.Task;

        public void Release() => _release.TrySetResult();

        public async Task WriteMessagesAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
        {
            if (holdFirst(writes.SelectMany(w => w.Payload).Select(p => p.Payload)) && Interlocked.Exchange(ref _holding, 1) == 0)
            {
                _held.TrySetResult();
                await _release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }

            await inner.WriteMessagesAsync(writes, cancellationToken);
        }

        public Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<PersistentRepresentation> recoveryCallback, CancellationToken cancellationToken = default) =>
            inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken);

        public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
            inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

        public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) =>
            inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>The sandbox, keeping every request it was sent, in order.</summary>
    private sealed class RecordingSession(IQbSession inner, Func<string, string>? answers = null) : IQbSession
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyCollection<string> Requests => _requests;

        public QbAuthPreferences AuthPreferences => inner.AuthPreferences;

        public void OpenConnection(string appId, string appName) => inner.OpenConnection(appId, appName);

        public QbTicket BeginSession(string companyFile, QbFileMode mode) => inner.BeginSession(companyFile, mode);

        public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => inner.QbXmlVersionsForSession(ticket);

        public string ProcessRequest(QbTicket ticket, string requestXml)
        {
            _requests.Enqueue(requestXml);
            var answer = inner.ProcessRequest(ticket, requestXml);
            return answers is null ? answer : answers(answer);
        }

        public string GetCurrentCompanyFileName(QbTicket ticket) => inner.GetCurrentCompanyFileName(ticket);

        public void EndSession(QbTicket ticket) => inner.EndSession(ticket);

        public void CloseConnection() => inner.CloseConnection();

        public void Dispose() => inner.Dispose();
    }
}
