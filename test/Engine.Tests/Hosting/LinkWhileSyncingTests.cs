using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Tests.Hosting.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Hosting;

/// <summary>
/// Linking a company while another syncs, against the real engine with QuickBooks' latency shape:
/// opening a company file costs seconds, so the link's questions must not be split by a return
/// to the syncing file.
/// </summary>
public sealed class LinkWhileSyncingTests : IAsyncLifetime
{
    private RealEngineRig _rig = null!;

    public async Task InitializeAsync() => _rig = await RealEngineRig.StartAsync("qbconnector-link-busy", sandboxLatency: "demo");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Linking_opens_the_new_company_file_once_while_another_company_syncs()
    {
        var busyFile = await _rig.CreateCompanyFileAsync("Busy Books", scale: 3_000);
        var newFile = await _rig.CreateCompanyFileAsync("New Books");
        var busyKey = await _rig.Cloud.CreateCompanyAsync("Busy Books", "US");
        var newKey = await _rig.Cloud.CreateCompanyAsync("New Books", "US");
        await _rig.Control.LinkAsync(new LinkCompanyRequest(busyKey, busyFile, "US"), default);
        await Eventually.TrueAsync(async () => (await _rig.StatusOfAsync(busyKey))?.Work is not null, TimeSpan.FromSeconds(60), "the first company is syncing");

        await _rig.Control.LinkAsync(new LinkCompanyRequest(newKey, newFile, "US"), default);

        (await _rig.StatusOfAsync(busyKey))!.Work.Should().NotBeNull("the first company was still syncing, so it competed for QuickBooks throughout the link");
        var lines = _rig.Engine.Output.ToList();
        var linked = lines.FindIndex(l => l.Contains("Linked company", StringComparison.Ordinal) && l.Contains(newKey, StringComparison.Ordinal));
        linked.Should().BePositive();
        lines.Take(linked).Count(l => l.Contains("Began a QuickBooks session", StringComparison.Ordinal) && l.Contains(newFile, StringComparison.Ordinal))
            .Should().Be(1, "the link's two questions to QuickBooks are asked in one visit to the file");
    }
}
