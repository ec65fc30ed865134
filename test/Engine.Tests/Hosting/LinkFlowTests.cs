using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Hosting;

/// <summary>Linking in the background, as the dashboard does it, against the real engine and cloud emulator.</summary>
public sealed class LinkFlowTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qbconnector-link-").FullName;
    private EmulatorProcess _cloud = null!;
    private EngineProcess _engine = null!;
    private ControlClient _control = null!;

    public async Task InitializeAsync()
    {
        _cloud = await EmulatorProcess.StartAsync(Path.Combine(_dir, "cloud"));
        _engine = await EngineProcess.StartAsync(new EngineProcessOptions { DataDirectory = Path.Combine(_dir, "engine"), CloudUrl = _cloud.GrpcUrl });
        _control = new ControlClient(new DataDirectory(_engine.DataDirectory));
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _engine.DisposeAsync();
        await _cloud.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_background_link_refused_by_the_cloud_shows_why_under_its_licence_key()
    {
        var file = await CreateCompanyFileAsync("Books", "US");

        var started = await _control.LinkAsync(new LinkCompanyRequest("no-such-key", file, "US", Wait: false), default);

        started.CompanyId.Should().Be("no-such-key");
        var status = await StatusOfAsync("no-such-key", s => s.State == "NeedsAttention");
        status.Problem!.Message.Should().Contain("does not know this licence key");
        status.CompanyFile.Should().Be(file);
    }

    [Fact]
    public async Task A_background_link_with_the_wrong_region_fails_before_anything_is_synced_and_can_be_retried()
    {
        var file = await CreateCompanyFileAsync("Maple Books", "CA");
        var key = await _cloud.CreateCompanyAsync("Maple Books", "Canada");

        await _control.LinkAsync(new LinkCompanyRequest(key, file, "US", Wait: false), default);
        var failed = await StatusOfAsync(key, s => s.State == "NeedsAttention");
        failed.Problem!.Message.Should().Contain("Canadian company file").And.Contain("Choose Canada");

        await _control.LinkAsync(new LinkCompanyRequest(key, file, "CA", Wait: false), default);
        var linked = await StatusOfAsync(key, s => s.State == "Linked", TimeSpan.FromSeconds(60));
        linked.Problem.Should().BeNull();
        linked.LastSyncs.Should().NotBeEmpty("the first-link data types were fetched");
    }

    [Fact]
    public async Task A_request_that_cannot_be_right_is_refused_at_once()
    {
        var missing = () => _control.LinkAsync(new LinkCompanyRequest("key", Path.Combine(_dir, "missing.QBW"), "US", Wait: false), default);
        (await missing.Should().ThrowAsync<ControlException>()).Which.Message.Should().Contain("does not exist");

        var status = await _control.GetStatusAsync(default);
        status.Companies.Should().BeEmpty("nothing was started");
    }

    private async Task<string> CreateCompanyFileAsync(string name, string country)
    {
        var path = Path.Combine(_dir, name.Replace(' ', '-') + ".QBW");
        var result = await EngineProcess.RunCliAsync(["sandbox", "create", "--file", path, "--scale", "150", "--country", country, "--company-name", name]);
        result.ExitCode.Should().Be(0, result.Output);
        return path;
    }

    private async Task<CompanyStatus> StatusOfAsync(string companyId, Func<CompanyStatus, bool> condition, TimeSpan? timeout = null)
    {
        CompanyStatus? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                found = (await _control.GetStatusAsync(default)).Companies.FirstOrDefault(c => c.CompanyId == companyId);
                return found is not null && condition(found);
            },
            timeout ?? TimeSpan.FromSeconds(30),
            $"company {companyId} to reach the expected state (last: {found})");
        return found!;
    }
}
