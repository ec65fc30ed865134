using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;
using ContractRegion = QbConnector.CloudContract.V1.Region;
using StoreRegion = QbConnector.CloudEmulator.Store.Region;

namespace QbConnector.CloudEmulator.Tests.Grpc;

public sealed class LinkServiceTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("link-service-");
    private readonly EmulatorDatabase _database;
    private readonly CompanyStore _companies;
    private readonly InstallStore _installs;
    private readonly SettingsStore _settings;
    private readonly DatasetStore _datasets;
    private readonly LinkService _link;

    public LinkServiceTests()
    {
        _database = new EmulatorDatabase(_dir.FullName);
        _companies = new CompanyStore(_database, TimeProvider.System);
        _installs = new InstallStore(_database, TimeProvider.System);
        _settings = new SettingsStore(_database);
        _datasets = new DatasetStore(_database, TimeProvider.System);
        _link = new LinkService(_companies, _installs, _settings, _datasets);
    }

    [Fact]
    public void A_good_key_gets_a_credential_stored_only_as_its_hash_and_queues_the_first_fetch()
    {
        var company = _companies.Create("Rock Castle", StoreRegion.UK);
        _settings.PutDefaults(new SettingsDocument(null, null, new Dictionary<string, DataTypeSettings>
        {
            ["bills"] = new(false, QbConnector.CloudEmulator.Store.SyncFrequency.Weekly),
        }));

        var outcome = _link.Link(Request("  " + company.Id.ToUpperInvariant() + " ", ContractRegion.Uk), bearerCredential: null);

        outcome.Failure.Should().BeNull();
        var response = outcome.Response!;
        response.CompanyId.Should().Be(company.Id);
        response.CompanyName.Should().Be("Rock Castle");
        response.InstallCredential.Should().HaveLength(43, "32 random bytes in unpadded base64url");
        response.Settings.DataTypes.Should().HaveCount(20);
        var install = _installs.FindByCredential(response.InstallCredential)!;
        _companies.Get(company.Id)!.InstallId.Should().Be(install.Id);
        _companies.Get(company.Id)!.LinkState.Should().Be(CompanyLinkState.Linked);
        File.ReadAllBytes(_database.Path).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(response.InstallCredential)).Should().Be(-1);
        var queued = _datasets.List(company.Id).Select(d => d.DataType).ToList();
        queued.Should().HaveCount(19).And.NotContain("bills");
    }

    [Fact]
    public void Linking_again_with_the_install_credential_joins_the_install_and_queues_nothing_new()
    {
        var first = _companies.Create("First", StoreRegion.US);
        var second = _companies.Create("Second", StoreRegion.US);
        var credential = _link.Link(Request(first.Id, ContractRegion.Us), null).Response!.InstallCredential;

        var joined = _link.Link(Request(second.Id, ContractRegion.Us, fingerprint: "fp-2"), credential);
        var relinked = _link.Link(Request(first.Id, ContractRegion.Us), credential);

        joined.Response!.InstallCredential.Should().BeEmpty();
        _companies.Get(second.Id)!.InstallId.Should().Be(_companies.Get(first.Id)!.InstallId);
        relinked.FirstLink.Should().BeFalse();
        _datasets.List(first.Id).Should().HaveCount(20);
    }

    [Fact]
    public void An_unknown_key_is_not_found()
    {
        var outcome = _link.Link(Request(Guid.NewGuid().ToString(), ContractRegion.Us), null);

        outcome.Failure.Should().Be(LinkFailure.NotFound);
        outcome.Message.Should().Contain("No company has this licence key");
    }

    [Fact]
    public void A_deauthorised_company_is_refused()
    {
        var company = _companies.Create("Gone", StoreRegion.US);
        _companies.Deauthorise(company.Id);

        _link.Link(Request(company.Id, ContractRegion.Us), null).Failure.Should().Be(LinkFailure.PermissionDenied);
    }

    [Fact]
    public void A_region_mismatch_is_a_failed_precondition_naming_the_right_region()
    {
        var company = _companies.Create("Maple", StoreRegion.Canada);

        var outcome = _link.Link(Request(company.Id, ContractRegion.Us), null);

        outcome.Failure.Should().Be(LinkFailure.FailedPrecondition);
        outcome.Message.Should().Contain("Canada");
    }

    [Fact]
    public void A_key_linked_to_another_company_file_is_refused()
    {
        var company = _companies.Create("One", StoreRegion.US);
        _link.Link(Request(company.Id, ContractRegion.Us, fingerprint: "fp-a"), null);

        var outcome = _link.Link(Request(company.Id, ContractRegion.Us, fingerprint: "fp-b"), null);

        outcome.Failure.Should().Be(LinkFailure.FailedPrecondition);
        outcome.Message.Should().Contain("already linked");
    }

    [Theory]
    [InlineData("", ContractRegion.Us, "file.qbw")]
    [InlineData("key", ContractRegion.Unspecified, "file.qbw")]
    [InlineData("key", ContractRegion.Us, "")]
    public void Missing_fields_are_invalid(string key, ContractRegion region, string file)
    {
        var request = Request(key, region);
        request.CompanyFile.Name = file;

        _link.Link(request, null).Failure.Should().Be(LinkFailure.InvalidArgument);
    }

    [Fact]
    public void An_unknown_bearer_credential_is_unauthenticated()
    {
        var company = _companies.Create("One", StoreRegion.US);

        _link.Link(Request(company.Id, ContractRegion.Us), "not-a-credential").Failure.Should().Be(LinkFailure.Unauthenticated);
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    internal static LinkRequest Request(string key, ContractRegion region, string fingerprint = "fp-1") => new()
    {
        LicenceKey = key,
        Region = region,
        CompanyFile = new CompanyFile { Name = "Rock Castle.QBW", Fingerprint = fingerprint },
        ConnectorVersion = "1.0.0",
        Machine = new MachineFacts { Os = "Windows 11", MachineNameHash = "ab", QuickbooksProduct = "QuickBooks Pro", QuickbooksVersion = "34.0" },
    };
}
