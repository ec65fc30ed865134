using System.Xml.Linq;
using QbConnector.QbGateway.Sessions;
using static QbConnector.QbGateway.Tests.Sessions.QbXmlTestMessages;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>
/// The contract against the sandbox, plus what only the sandbox lets a test arrange: QuickBooks' failure states
/// and edits made "in QuickBooks" while a session is open.
/// </summary>
public sealed class SandboxQbSessionContractTests : QbSessionContractTests, IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxContractFixture _fixture;

    public SandboxQbSessionContractTests(SandboxCompanyTemplates templates)
    {
        _fixture = new SandboxContractFixture(templates);
    }

    public static TheoryData<string, uint> SessionFailures => new()
    {
        { "CannotStart", 0x80040408 },
        { "OtherCompanyFileOpen", 0x8004040A },
        { "OpenInOtherMode", 0x80040410 },
        { "ModalDialog", 0x80040414 },
        { "NotYetGranted", 0x80040418 },
        { "NoPermission", 0x8004041A },
        { "CouldNotLock", 0x8004041B },
        { "GrantedOnceWhileNotRunning", 0x8004041D },
        { "Denied", 0x80040420 },
        { "StillStarting", 0x80040424 },
        { "LoggedInElsewhere", 0x80040437 },
        { "SeveralInstances", 0x80040438 },
    };

    [Theory]
    [MemberData(nameof(SessionFailures))]
    public void Each_QuickBooks_state_fails_BeginSession_with_its_HRESULT(string state, uint hresult)
    {
        _fixture.SetQuickBooksState(Fixture.CompanyFilePath, state);
        using var session = Connect();

        AssertSdkError(() => session.BeginSession(Fixture.CompanyFilePath, QbFileMode.SingleUser), hresult);
    }

    [Fact]
    public void QuickBooks_not_running_needs_a_file_name_and_unattended_access()
    {
        _fixture.SetQuickBooksState(Fixture.CompanyFilePath, "NotRunning");
        using var session = Connect();

        AssertSdkError(() => session.BeginSession(string.Empty, QbFileMode.DoNotCare), 0x80040416);
        var ticket = session.BeginSession(Fixture.CompanyFilePath, QbFileMode.DoNotCare);
        var host = Single(session.ProcessRequest(ticket, Request(Rq("HostQueryRq")))).Element("HostRet")!;
        host.Element("IsAutomaticLogin")!.Value.Should().Be("true");
    }

    [Fact]
    public void Granted_once_works_while_QuickBooks_runs()
    {
        _fixture.SetQuickBooksState(Fixture.CompanyFilePath, "GrantedOnce");
        using var session = Connect();

        var ticket = session.BeginSession(Fixture.CompanyFilePath, QbFileMode.DoNotCare);
        Status(Single(session.ProcessRequest(ticket, Request(Rq("HostQueryRq"))))).Should().Be(0);
    }

    [Fact]
    public void An_edit_made_in_QuickBooks_during_a_session_is_visible_to_the_next_query()
    {
        var (session, ticket) = Begin();
        using var _ = session;
        var before = Query(session, ticket, Rq("CustomerQueryRq", El("ActiveStatus", "All"))).Elements("CustomerRet").ToDictionary(Id, c => c.Element("EditSequence")!.Value);

        var editedId = _fixture.EditCustomerFromOutside(Fixture.CompanyFilePath);

        var after = Query(session, ticket, Rq("CustomerQueryRq", El("ListID", editedId))).Element("CustomerRet")!;
        after.Element("EditSequence")!.Value.Should().NotBe(before[editedId]);
    }

    protected override IQbSessionContractFixture Fixture => _fixture;

    public void Dispose() => _fixture.Dispose();
}
