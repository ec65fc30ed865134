using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using QbConnector.QbGateway.Errors;

namespace QbConnector.QbGateway.Sessions.Com;

/// <summary>
/// The real QuickBooks SDK: QBXMLRP2's RequestProcessor, late-bound (no interop assembly), so
/// the project builds everywhere and only runs on Windows with QuickBooks Desktop installed.
/// </summary>
/// <remarks>
/// QBXMLRP2 is an apartment-threaded in-process COM server: create this object and make every
/// call on it from ONE thread in a single-threaded apartment (the gateway actor runs it on a
/// pinned STA thread). Calls from another thread either fail or are marshalled through a message
/// loop that an STA worker without one never pumps. SDK failures (COMException with an HRESULT
/// from 0x80040400 to 0x80040439) are thrown as <see cref="QbSdkException"/>, classified.
/// </remarks>
[SupportedOSPlatform("windows")]
public sealed class ComQbSession : IQbSession
{
    public const string ProgId = "QBXMLRP2.RequestProcessor";

    /// <summary>OpenConnection2's connection type for a local QuickBooks Desktop (localQBD).</summary>
    private const int LocalQbd = 1;

    private readonly object _processor;
    private string? _companyFile;
    private bool _disposed;

    public ComQbSession()
    {
        var type = Type.GetTypeFromProgID(ProgId, throwOnError: false)
                   ?? throw QbSdkErrors.ToException(unchecked((int)0x80040405), $"{ProgId} is not registered.");
        try
        {
            _processor = Activator.CreateInstance(type) ?? throw QbSdkErrors.ToException(unchecked((int)0x80040405), $"{ProgId} could not be created.");
        }
        catch (COMException ex)
        {
            throw QbSdkErrors.ToException(ex.HResult, ex.Message, null, ex);
        }
    }

    /// <summary>True on Windows when the SDK's request processor is registered.</summary>
    public static bool IsAvailable() => OperatingSystem.IsWindows() && Type.GetTypeFromProgID(ProgId, throwOnError: false) is not null;

    public QbAuthPreferences AuthPreferences { get; } = new();

    private dynamic Processor
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _processor;
        }
    }

    public void OpenConnection(string appId, string appName) =>
        Call(() => Processor.OpenConnection2(appId ?? string.Empty, appName, LocalQbd));

    public QbTicket BeginSession(string companyFile, QbFileMode mode)
    {
        _companyFile = companyFile;
        return Call(() =>
        {
            var preferences = Processor.AuthPreferences;
            if (AuthPreferences.UnattendedModeRequired)
            {
                // umpRequired = 1: ask for access while QuickBooks is not running.
                preferences.PutUnattendedModePref(1);
            }

            // pdpRequired = 1, pdpNotNeeded = 2.
            preferences.PutPersonalDataPref(AuthPreferences.PersonalDataRequired ? 1 : 2);
            string ticket = Processor.BeginSession(companyFile ?? string.Empty, (int)mode);
            return new QbTicket(ticket);
        });
    }

    public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => Call(() =>
    {
        object versions = Processor.QBXMLVersionsForSession(ticket.Value);
        return versions switch
        {
            string[] strings => (IReadOnlyList<string>)strings,
            object[] objects => objects.Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
            Array array => array.Cast<object>().Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray(),
            _ => Array.Empty<string>(),
        };
    });

    public string ProcessRequest(QbTicket ticket, string requestXml) =>
        Call(() => (string)Processor.ProcessRequest(ticket.Value, requestXml));

    public string GetCurrentCompanyFileName(QbTicket ticket) =>
        Call(() => (string)Processor.GetCurrentCompanyFileName(ticket.Value));

    public void EndSession(QbTicket ticket) => Call(() => Processor.EndSession(ticket.Value));

    public void CloseConnection() => Call(() => Processor.CloseConnection());

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Marshal.FinalReleaseComObject(_processor);
    }

    private void Call(Action call) => Call<object?>(() =>
    {
        call();
        return null;
    });

    private T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (COMException ex)
        {
            throw QbSdkErrors.ToException(ex.HResult, ex.Message, _companyFile, ex);
        }
        catch (InvalidComObjectException ex)
        {
            throw QbSdkErrors.ToException(unchecked((int)0x80040401), ex.Message, _companyFile, ex);
        }
    }
}
