using QbConnector.QbGateway.Sandbox.Editing;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Sandbox;
using QbConnector.TestSupport;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>The sandbox for one test: its own copies of the template files, a manual clock, and control over QuickBooks.</summary>
public sealed class SandboxContractFixture : IQbSessionContractFixture, IDisposable
{
    private readonly SandboxTempDirectory _dir = new();

    public SandboxContractFixture(SandboxCompanyTemplates templates)
    {
        CompanyFilePath = _dir.File("company.qbw.db");
        OtherCompanyFilePath = _dir.File("other.qbw.db");
        File.Copy(templates.CompanyFile, CompanyFilePath);
        File.Copy(templates.OtherCompanyFile, OtherCompanyFilePath);
        Time = new ManualTimeProvider(new DateTimeOffset(SandboxCompanyTemplates.AsOf.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(-5)));
    }

    public ManualTimeProvider Time { get; }

    public string CompanyFilePath { get; }

    public string OtherCompanyFilePath { get; }

    public IQbSession CreateSession() => new SandboxQbSession(new SandboxSessionOptions { Time = Time });

    /// <summary>Puts QuickBooks into a named state (see <see cref="SandboxQbSessionContractTests.SessionFailures"/>) for the company file.</summary>
    public void SetQuickBooksState(string companyFile, string state)
    {
        var value = state switch
        {
            "NotYetGranted" => new QuickBooksState { Authorization = QuickBooksAuthorization.NotYetGranted },
            "NoPermission" => new QuickBooksState { Authorization = QuickBooksAuthorization.NoPermission },
            "Denied" => new QuickBooksState { Authorization = QuickBooksAuthorization.Denied },
            "GrantedOnce" => new QuickBooksState { Authorization = QuickBooksAuthorization.GrantedOnce },
            "GrantedOnceWhileNotRunning" => new QuickBooksState { Condition = QuickBooksCondition.NotRunning, Authorization = QuickBooksAuthorization.GrantedOnce },
            _ => new QuickBooksState { Condition = Enum.Parse<QuickBooksCondition>(state) },
        };
        value.Save(companyFile);
    }

    /// <summary>Renames a customer as a person in QuickBooks would; returns its ListID.</summary>
    public string EditCustomerFromOutside(string companyFile)
    {
        Time.Advance(TimeSpan.FromMinutes(5));
        return SandboxEditor.ModifyCustomer(companyFile, seed: 5, Time);
    }

    public void Dispose() => _dir.Dispose();
}
