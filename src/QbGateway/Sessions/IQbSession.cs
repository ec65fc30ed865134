namespace QbConnector.QbGateway.Sessions;

/// <summary>
/// One QuickBooks SDK request processor, shaped like QBXMLRP2's RequestProcessor so the COM
/// implementation stays a thin wrapper. Not thread-safe: the COM server is apartment-threaded,
/// so every call of one instance must come from the same (STA) thread.
/// Failures are thrown as <see cref="Errors.QbSdkException"/>.
/// </summary>
public interface IQbSession : IDisposable
{
    /// <summary>The authorisation preferences applied at the next BeginSession.</summary>
    QbAuthPreferences AuthPreferences { get; }

    /// <summary>OpenConnection2 with connection type localQBD. Once per connection (0x80040412 otherwise).</summary>
    void OpenConnection(string appId, string appName);

    /// <summary>Begins a session on a company file; an empty path means the file open in QuickBooks now.</summary>
    QbTicket BeginSession(string companyFile, QbFileMode mode);

    /// <summary>The qbXML versions the running QuickBooks accepts for this session, e.g. "13.0".</summary>
    IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket);

    /// <summary>Sends one qbXML request document and returns the response document.</summary>
    string ProcessRequest(QbTicket ticket, string requestXml);

    /// <summary>The path of the company file the session is on.</summary>
    string GetCurrentCompanyFileName(QbTicket ticket);

    void EndSession(QbTicket ticket);

    void CloseConnection();
}
