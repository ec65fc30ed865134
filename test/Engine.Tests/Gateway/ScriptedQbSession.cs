using System.Collections.Concurrent;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.Engine.Tests.Gateway;

/// <summary>
/// Records what the gateway does with its session and answers from a script. The gateway's own
/// mechanics (threads, retries, switching) are under test here; QuickBooks' behaviour is the
/// sandbox's, tested against the session contract.
/// </summary>
internal sealed class ScriptedQbSession : IQbSession
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<int> ThreadIds { get; } = new();

    /// <summary>Failures to raise, in order, at the next BeginSession or ProcessRequest.</summary>
    public ConcurrentQueue<QbSdkException> Failures { get; } = new();

    public QbAuthPreferences AuthPreferences { get; } = new();

    public void OpenConnection(string appId, string appName) => Record($"open-connection {appName}");

    public QbTicket BeginSession(string companyFile, QbFileMode mode)
    {
        Record($"begin {companyFile}");
        Fail();
        return new QbTicket(companyFile);
    }

    public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => ["13.0"];

    public string ProcessRequest(QbTicket ticket, string requestXml)
    {
        Record($"request {ticket.Value} {requestXml}");
        Fail();
        return $"<answer to=\"{requestXml}\"/>";
    }

    public string GetCurrentCompanyFileName(QbTicket ticket) => ticket.Value;

    public void EndSession(QbTicket ticket) => Record($"end {ticket.Value}");

    public void CloseConnection() => Record("close-connection");

    public void Dispose() => Record("dispose");

    private void Fail()
    {
        if (Failures.TryDequeue(out var failure))
        {
            throw failure;
        }
    }

    private void Record(string call)
    {
        Calls.Enqueue(call);
        ThreadIds.Enqueue(Environment.CurrentManagedThreadId);
    }
}
