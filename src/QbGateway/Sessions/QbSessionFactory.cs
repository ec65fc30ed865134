using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions.Com;
using QbConnector.QbGateway.Sessions.Tracing;

namespace QbConnector.QbGateway.Sessions;

/// <summary>
/// Chooses and creates the session: the COM SDK or the sandbox (given as a factory, so this
/// library does not depend on how the sandbox is built), optionally traced to a folder.
/// Create the session on the thread that will use it (an STA thread for COM).
/// </summary>
public static class QbSessionFactory
{
    /// <summary>The backend <paramref name="backend"/> stands for on this machine.</summary>
    public static QbBackend Resolve(QbBackend backend, Func<bool>? comAvailable = null) => backend switch
    {
        QbBackend.Auto => (comAvailable ?? ComAvailable)() ? QbBackend.Com : QbBackend.Sandbox,
        _ => backend,
    };

    /// <summary>True on Windows when QBXMLRP2 is registered.</summary>
    public static bool ComAvailable() => OperatingSystem.IsWindows() && ComQbSession.IsAvailable();

    public static IQbSession Create(QbBackend backend, Func<IQbSession>? sandboxFactory, QbTraceOptions? trace = null, TimeProvider? timeProvider = null)
    {
        var session = Resolve(backend) switch
        {
            QbBackend.Com => CreateCom(),
            _ => sandboxFactory?.Invoke() ?? throw new InvalidOperationException("The sandbox backend was chosen but no sandbox factory was given."),
        };

        return TracingQbSession.Wrap(session, trace, timeProvider);
    }

    private static IQbSession CreateCom()
    {
        if (!OperatingSystem.IsWindows())
        {
            throw QbSdkErrors.ToException(unchecked((int)0x80040405), "The QuickBooks SDK (COM) exists on Windows only.");
        }

        return new ComQbSession();
    }
}
