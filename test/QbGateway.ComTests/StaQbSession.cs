using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;

namespace QbConnector.QbGateway.ComTests;

/// <summary>
/// A session whose every call runs on its own single-threaded-apartment thread, as the gateway's pinned thread
/// does, so tests can call it from xunit's pool threads. Disposing ends what the test left open (session,
/// connection) before releasing the COM object, so one test's leftovers never fail the next test's BeginSession.
/// </summary>
internal sealed class StaQbSession : IQbSession
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;
    private readonly IQbSession _inner;
    private readonly HashSet<QbTicket> _openTickets = [];
    private bool _connected;
    private bool _disposed;

    public StaQbSession(Func<IQbSession> create)
    {
        _thread = new Thread(() =>
        {
            foreach (var work in _work.GetConsumingEnumerable())
            {
                work();
            }
        })
        {
            IsBackground = true,
            Name = "QuickBooks STA",
        };
        _thread.SetApartmentState(ApartmentState.STA);
        _thread.Start();
        _inner = Run(create);
    }

    public QbAuthPreferences AuthPreferences => _inner.AuthPreferences;

    public void OpenConnection(string appId, string appName) => Run(() =>
    {
        _inner.OpenConnection(appId, appName);
        _connected = true;
        return true;
    });

    public QbTicket BeginSession(string companyFile, QbFileMode mode) => Run(() =>
    {
        var ticket = _inner.BeginSession(companyFile, mode);
        _openTickets.Add(ticket);
        return ticket;
    });

    public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => Run(() => _inner.QbXmlVersionsForSession(ticket));

    public string ProcessRequest(QbTicket ticket, string requestXml) => Run(() => _inner.ProcessRequest(ticket, requestXml));

    public string GetCurrentCompanyFileName(QbTicket ticket) => Run(() => _inner.GetCurrentCompanyFileName(ticket));

    public void EndSession(QbTicket ticket) => Run(() =>
    {
        _inner.EndSession(ticket);
        _openTickets.Remove(ticket);
        return true;
    });

    public void CloseConnection() => Run(() =>
    {
        _inner.CloseConnection();
        _connected = false;
        return true;
    });

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Run(() =>
        {
            foreach (var ticket in _openTickets)
            {
                Quietly(() => _inner.EndSession(ticket));
            }

            if (_connected)
            {
                Quietly(_inner.CloseConnection);
            }

            _inner.Dispose();
            return true;
        });
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }

    /// <summary>Cleanup after a test: a session QuickBooks already dropped must not hide the test's own outcome.</summary>
    private static void Quietly(Action cleanup)
    {
        try
        {
            cleanup();
        }
        catch (QbSdkException)
        {
        }
    }

    private T Run<T>(Func<T> call)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        _work.Add(() =>
        {
            try
            {
                result = call();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        failure?.Throw();
        return result;
    }
}
