using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Tests.Hosting.Support;

namespace QbConnector.Engine.Tests.Hosting;

/// <summary>Linking in the background, as the dashboard does it, against the real engine and cloud emulator.</summary>
public sealed class LinkFlowTests : IAsyncLifetime
{
    private RealEngineRig _rig = null!;

    public async Task InitializeAsync() => _rig = await RealEngineRig.StartAsync("qbconnector-link");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_background_link_refused_by_the_cloud_shows_why_under_its_licence_key()
    {
        var file = await _rig.CreateCompanyFileAsync("Books", "US");

        var started = await _rig.Control.LinkAsync(new LinkCompanyRequest("no-such-key", file, "US", Wait: false), default);

        started.CompanyId.Should().Be("no-such-key");
        var status = await _rig.WaitForStatusAsync("no-such-key", s => s.State == "NeedsAttention");
        status.Problem!.Message.Should().Contain("does not know this licence key");
        status.CompanyFile.Should().Be(file);
    }

    [Fact]
    public async Task A_background_link_with_the_wrong_region_fails_before_anything_is_synced_and_can_be_retried()
    {
        var file = await _rig.CreateCompanyFileAsync("Maple Books", "CA");
        var key = await _rig.Cloud.CreateCompanyAsync("Maple Books", "Canada");

        await _rig.Control.LinkAsync(new LinkCompanyRequest(key, file, "US", Wait: false), default);
        var failed = await _rig.WaitForStatusAsync(key, s => s.State == "NeedsAttention");
        failed.Problem!.Message.Should().Contain("Canadian company file").And.Contain("Choose Canada");

        await _rig.Control.LinkAsync(new LinkCompanyRequest(key, file, "CA", Wait: false), default);
        var linked = await _rig.WaitForStatusAsync(key, s => s.State == "Linked", TimeSpan.FromSeconds(60));
        linked.Problem.Should().BeNull();
        linked.LastSyncs.Should().NotBeEmpty("the first-link data types were fetched");
    }

    [Fact]
    public async Task A_request_that_cannot_be_right_is_refused_at_once()
    {
        var missing = () => _rig.Control.LinkAsync(new LinkCompanyRequest("key", Path.Combine(_rig.Directory, "missing.QBW"), "US", Wait: false), default);
        (await missing.Should().ThrowAsync<ControlException>()).Which.Message.Should().Contain("does not exist");

        var status = await _rig.Control.GetStatusAsync(default);
        status.Companies.Should().BeEmpty("nothing was started");
    }
}
