using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Sessions.Com;

namespace QbConnector.QbGateway.ComTests;

/// <summary>
/// The real SDK end to end: connect, open the company file (QB_COMPANY_FILE, or the one open in
/// QuickBooks when unset), ask for the host and the company, and close.
/// </summary>
public class ComQbSessionSmokeTests
{
    private static string CompanyFile => Environment.GetEnvironmentVariable("QB_COMPANY_FILE") ?? string.Empty;

    [Fact]
    public void Host_and_company_queries_answer_through_the_real_sdk()
    {
        var (versions, host, company) = StaThread.Run(() =>
        {
            using var session = new ComQbSession();
            session.AuthPreferences.UnattendedModeRequired = true;
            session.OpenConnection(string.Empty, "QuickBooks connector tests");
            var ticket = session.BeginSession(CompanyFile, QbFileMode.DoNotCare);
            try
            {
                var v = session.QbXmlVersionsForSession(ticket);
                var h = session.ProcessRequest(ticket, QbRequestWriter.Write(new QbHostQueryRequest { RequestId = "host" }));
                var c = session.ProcessRequest(ticket, QbRequestWriter.Write(new QbCompanyQueryRequest { RequestId = "company" }));
                return (v, h, c);
            }
            finally
            {
                session.EndSession(ticket);
                session.CloseConnection();
            }
        });

        versions.Should().Contain("13.0");
        using var hostReader = QbResponseReader.Create(host);
        hostReader.NextResponse()!.IsError.Should().BeFalse();
        hostReader.ReadRecords().Single().ValueAt("ProductName").Should().NotBeNullOrEmpty();
        using var companyReader = QbResponseReader.Create(company);
        companyReader.NextResponse()!.IsError.Should().BeFalse();
        companyReader.ReadRecords().Single().ValueAt("CompanyName").Should().NotBeNull();
    }
}
