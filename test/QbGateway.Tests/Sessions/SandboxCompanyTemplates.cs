using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Tests.Sandbox;

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
