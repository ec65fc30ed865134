using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Sessions;

namespace QbConnector.QbGateway.ComTests;

/// <summary>The whole <see cref="IQbSession"/> contract against the real SDK (QBXMLRP2) and two real company files.</summary>
public sealed class ComQbSessionContractTests : QbSessionContractTests, IClassFixture<ComContractCompanyFiles>
{
    private readonly ComFixture _fixture;

    public ComQbSessionContractTests(ComContractCompanyFiles files)
    {
        _fixture = new ComFixture(files);
    }

    protected override IQbSessionContractFixture Fixture => _fixture;

    private sealed class ComFixture(ComContractCompanyFiles files) : IQbSessionContractFixture
    {
        public string CompanyFilePath => files.CompanyFile;

        public string OtherCompanyFilePath => files.OtherCompanyFile;

        public IQbSession CreateSession() => ComContractCompanyFiles.CreateSession();
    }
}
