using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Sessions;
using QbConnector.TestSupport;
using static QbConnector.QbGateway.Tests.Sessions.QbXmlTestMessages;

namespace QbConnector.QbGateway.Tests.Sandbox.Simulator;

public sealed class SessionFaultTests : IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxTempDirectory _dir = new();
    private readonly string _file;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(SandboxCompanyTemplates.AsOf.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(-5)));

    public SessionFaultTests(SandboxCompanyTemplates templates)
    {
        _file = _dir.File("company.qbw.db");
        File.Copy(templates.CompanyFile, _file);
    }

    [Fact]
    public void Requests_fail_after_the_configured_count()
    {
        new QuickBooksState { FailAfterRequests = 2 }.Save(_file);
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("faults", "Fault tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);

        session.ProcessRequest(ticket, Request(Rq("HostQueryRq")));
        session.ProcessRequest(ticket, Request(Rq("HostQueryRq")));
        var error = FluentActions.Invoking(() => session.ProcessRequest(ticket, Request(Rq("HostQueryRq")))).Should().Throw<QbSdkException>().Which;

        error.HResultHex.Should().Be("0x80040402");
    }

    [Fact]
    public void A_dropped_session_stays_dead_until_a_new_one_begins()
    {
        new QuickBooksState { DropAfterRequests = 1 }.Save(_file);
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("faults", "Fault tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);
        session.ProcessRequest(ticket, Request(Rq("HostQueryRq")));

        FluentActions.Invoking(() => session.ProcessRequest(ticket, Request(Rq("HostQueryRq")))).Should().Throw<QbSdkException>().Which.HResultHex.Should().Be("0x80040401");
        new QuickBooksState().Save(_file);
        FluentActions.Invoking(() => session.ProcessRequest(ticket, Request(Rq("HostQueryRq")))).Should().Throw<QbSdkException>().Which.HResultHex.Should().Be("0x80040401");

        session.EndSession(ticket);
        var next = session.BeginSession(_file, QbFileMode.DoNotCare);
        Status(Single(session.ProcessRequest(next, Request(Rq("HostQueryRq"))))).Should().Be(0);
    }

    [Fact]
    public void A_state_flipped_during_a_session_applies_to_the_next_request()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("faults", "Fault tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);

        new QuickBooksState { Condition = QuickBooksCondition.ModalDialog }.Save(_file);

        FluentActions.Invoking(() => session.ProcessRequest(ticket, Request(Rq("HostQueryRq")))).Should().Throw<QbSdkException>().Which.HResultHex.Should().Be("0x80040414");
    }

    [Fact]
    public async Task Latency_waits_on_the_injected_clock()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time, Latency = SandboxLatency.Realistic });
        session.OpenConnection("latency", "Latency tests");
        var begin = Task.Run(() => session.BeginSession(_file, QbFileMode.DoNotCare));

        await Eventually.TrueAsync(() => _time.ActiveTimerCount > 0);
        begin.IsCompleted.Should().BeFalse();
        _time.Advance(SandboxLatency.Realistic.OpenCompanyFile);
        var ticket = await begin.WaitAsync(TimeSpan.FromSeconds(10));

        var query = Task.Run(() => session.ProcessRequest(ticket, Request(Rq("CustomerQueryRq", El("MaxReturned", 10)))));
        await Eventually.TrueAsync(() => _time.ActiveTimerCount > 0);
        _time.Advance(SandboxLatency.Realistic.PerRequest + (SandboxLatency.Realistic.PerRecord * 10));
        Status(Single(await query.WaitAsync(TimeSpan.FromSeconds(10)))).Should().Be(0);
        session.SimulatedLatency.Should().Be(SandboxLatency.Realistic.OpenCompanyFile + SandboxLatency.Realistic.PerRequest + (SandboxLatency.Realistic.PerRecord * 10));
    }

    public void Dispose() => _dir.Dispose();
}
