using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Sessions.Tracing;
using QbConnector.TestSupport;

namespace QbConnector.QbGateway.Tests.Sessions.Tracing;

public sealed class TracingQbSessionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qbtrace-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Every_exchange_is_written_in_order()
    {
        var inner = new EchoSession();
        using var session = new TracingQbSession(inner, _dir, new ManualTimeProvider());
        session.OpenConnection("", "Connector");
        var ticket = session.BeginSession("C:\\Books\\Acme.qbw", QbFileMode.MultiUser);
        session.ProcessRequest(ticket, "<a>1</a>").Should().Be("echo:<a>1</a>");
        session.ProcessRequest(ticket, "<a>2 😀</a>");
        session.EndSession(ticket);

        File.ReadAllText(Path.Combine(_dir, "000001-request.xml")).Should().Be("<a>1</a>");
        File.ReadAllText(Path.Combine(_dir, "000001-response.xml")).Should().Be("echo:<a>1</a>");
        File.ReadAllText(Path.Combine(_dir, "000002-request.xml")).Should().Be("<a>2 😀</a>");
        File.ReadAllText(Path.Combine(_dir, "session.log")).Should().Contain("BeginSession file=C:\\Books\\Acme.qbw mode=MultiUser").And.Contain("EndSession");
    }

    [Fact]
    public void A_failed_call_leaves_an_error_file_and_the_exception_unchanged()
    {
        var inner = new EchoSession { Fail = QbSdkErrors.ToException(unchecked((int)0x80040414)) };
        using var session = new TracingQbSession(inner, _dir);
        var act = () => session.ProcessRequest(new QbTicket("t"), "<x/>");
        act.Should().Throw<QbSdkException>().Which.HResultHex.Should().Be("0x80040414");
        File.ReadAllText(Path.Combine(_dir, "000001-error.txt")).Should().Contain("0x80040414");
        File.Exists(Path.Combine(_dir, "000001-request.xml")).Should().BeTrue();
    }

    [Fact]
    public void Numbering_continues_after_existing_files()
    {
        using (var first = new TracingQbSession(new EchoSession(), _dir))
        {
            first.ProcessRequest(new QbTicket("t"), "<one/>");
        }

        using var second = new TracingQbSession(new EchoSession(), _dir);
        second.ProcessRequest(new QbTicket("t"), "<two/>");
        File.ReadAllText(Path.Combine(_dir, "000002-request.xml")).Should().Be("<two/>");
    }

    [Fact]
    public void Files_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var session = new TracingQbSession(new EchoSession(), _dir);
        session.ProcessRequest(new QbTicket("t"), "<x/>");
        File.GetUnixFileMode(Path.Combine(_dir, "000001-request.xml")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.Combine(_dir, "000001-response.xml")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(_dir).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Tracing_is_off_without_a_directory()
    {
        var inner = new EchoSession();
        TracingQbSession.Wrap(inner, new QbTraceOptions()).Should().BeSameAs(inner);
        TracingQbSession.Wrap(inner, null).Should().BeSameAs(inner);
        TracingQbSession.Wrap(inner, new QbTraceOptions { Directory = _dir }).Should().BeOfType<TracingQbSession>();
    }

    internal sealed class EchoSession : IQbSession
    {
        public Exception? Fail { get; init; }

        public QbAuthPreferences AuthPreferences { get; } = new();

        public void OpenConnection(string appId, string appName)
        {
        }

        public QbTicket BeginSession(string companyFile, QbFileMode mode) => new("ticket-1");

        public IReadOnlyList<string> QbXmlVersionsForSession(QbTicket ticket) => ["13.0"];

        public string ProcessRequest(QbTicket ticket, string requestXml) => Fail is null ? "echo:" + requestXml : throw Fail;

        public string GetCurrentCompanyFileName(QbTicket ticket) => "file";

        public void EndSession(QbTicket ticket)
        {
        }

        public void CloseConnection()
        {
        }

        public void Dispose()
        {
        }
    }
}
