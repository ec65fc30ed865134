using System.Globalization;
using System.Text;

namespace QbConnector.QbGateway.Sessions.Tracing;

/// <summary>
/// Writes every exchange of the wrapped session to a folder, numbered in order:
/// 000001-request.xml, 000001-response.xml (or 000001-error.txt when the call failed), plus
/// session events in session.log. Files are owner-only (0600 on Unix, folder 0700): company data
/// is in them. Numbering continues after the files already there.
/// </summary>
public sealed class TracingQbSession : IQbSession
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly IQbSession _inner;
    private readonly string _directory;
    private readonly TimeProvider _time;
    private int _sequence;

    public TracingQbSession(IQbSession inner, string directory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _inner = inner;
        _directory = Path.GetFullPath(directory);
        _time = timeProvider ?? TimeProvider.System;
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(_directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _sequence = System.IO.Directory.EnumerateFiles(_directory, "??????-*")
            .Select(f => int.TryParse(Path.GetFileName(f).AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>The session itself when tracing is off, else the session traced.</summary>
    public static IQbSession Wrap(IQbSession session, QbTraceOptions? options, TimeProvider? timeProvider = null) =>
        string.IsNullOrEmpty(options?.Directory) ? session : new TracingQbSession(session, options.Directory, timeProvider);

    public string Directory => _directory;

    public QbAuthPreferences AuthPreferences => _inner.AuthPreferences;

    public void OpenConnection(string appId, string appName)
    {
        Log($"OpenConnection appName={appName}");
        _inner.OpenConnection(appId, appName);
    }

    public QbTicket BeginSession(string companyFile, QbFileMode mode)
    {
        Log($"BeginSession file={companyFile} mode={mode}");
        var ticket = _inner.BeginSession(companyFile, mode);
        Log($"BeginSession ok ticket={ticket}");
        return ticket;
    }

    public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => _inner.QbXmlVersionsForSession(ticket);

    public string ProcessRequest(QbTicket ticket, string requestXml)
    {
        var n = Interlocked.Increment(ref _sequence);
        var prefix = n.ToString("D6", CultureInfo.InvariantCulture);
        WriteOwnerOnly($"{prefix}-request.xml", requestXml);
        try
        {
            var response = _inner.ProcessRequest(ticket, requestXml);
            WriteOwnerOnly($"{prefix}-response.xml", response);
            return response;
        }
        catch (Exception ex)
        {
            WriteOwnerOnly($"{prefix}-error.txt", $"{ex.GetType().FullName} 0x{ex.HResult:X8}{Environment.NewLine}{ex.Message}{Environment.NewLine}");
            throw;
        }
    }

    public string GetCurrentCompanyFileName(QbTicket ticket) => _inner.GetCurrentCompanyFileName(ticket);

    public void EndSession(QbTicket ticket)
    {
        Log($"EndSession ticket={ticket}");
        _inner.EndSession(ticket);
    }

    public void CloseConnection()
    {
        Log("CloseConnection");
        _inner.CloseConnection();
    }

    public void Dispose() => _inner.Dispose();

    private void Log(string line)
    {
        var text = $"{_time.GetUtcNow():O} {line}{Environment.NewLine}";
        var path = Path.Combine(_directory, "session.log");
        using var stream = new FileStream(path, OwnerOnly(FileMode.Append, FileAccess.Write));
        stream.Write(Utf8.GetBytes(text));
    }

    /// <summary>Written under a temporary name and then renamed, so a connector killed mid-write leaves no half file under a trace name.</summary>
    private void WriteOwnerOnly(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        var partial = path + ".partial";
        using (var stream = new FileStream(partial, OwnerOnly(FileMode.Create, FileAccess.Write)))
        {
            stream.Write(Utf8.GetBytes(content));
        }

        File.Move(partial, path, overwrite: false);
    }

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
