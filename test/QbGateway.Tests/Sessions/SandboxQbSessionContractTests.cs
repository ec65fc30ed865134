using QbConnector.QbGateway.Sandbox.Editing;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Sandbox;
using QbConnector.TestSupport;

namespace QbConnector.QbGateway.Tests.Sessions;

/// <summary>Generates the company files once per test class; each test works on its own copies.</summary>
public sealed class SandboxCompanyTemplates : IDisposable
{
    public static readonly DateOnly AsOf = new(2025, 3, 14);

    public SandboxCompanyTemplates()
    {
        CompanyFile = Directory.File("template.qbw.db");
        OtherCompanyFile = Directory.File("other.qbw.db");
        CompanyGenerator.Generate(CompanyFile, new GenerationOptions { Seed = 11, Scale = 800, AsOf = AsOf, CompanyName = "Contract Test Company" });
        CompanyGenerator.Generate(OtherCompanyFile, new GenerationOptions { Seed = 12, Scale = 100, AsOf = AsOf, Country = CompanyCountry.CA });
    }

    public SandboxTempDirectory Directory { get; } = new();

    public string CompanyFile { get; }

    public string OtherCompanyFile { get; }

    public void Dispose() => Directory.Dispose();
}

public sealed class SandboxQbSessionContractTests : QbSessionContractTests, IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxFixture _fixture;

    public SandboxQbSessionContractTests(SandboxCompanyTemplates templates)
    {
        _fixture = new SandboxFixture(templates);
    }

    protected override IQbSessionContractFixture Fixture => _fixture;

    public void Dispose() => _fixture.Dispose();

    private sealed class SandboxFixture : IQbSessionContractFixture, IDisposable
    {
        private readonly SandboxTempDirectory _dir = new();

        public SandboxFixture(SandboxCompanyTemplates templates)
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

        public bool CanControlQuickBooksState => true;

        public bool CanEditFromOutside => true;

        public IQbSession CreateSession() => new SandboxQbSession(new SandboxSessionOptions { Time = Time });

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

        public string EditCustomerFromOutside(string companyFile)
        {
            Time.Advance(TimeSpan.FromMinutes(5));
            return SandboxEditor.ModifyCustomer(companyFile, seed: 5, Time);
        }

        public void Dispose() => _dir.Dispose();
    }
}
