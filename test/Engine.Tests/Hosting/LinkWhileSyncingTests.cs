using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Hosting;

/// <summary>
/// Linking a company while another syncs, against the real engine with QuickBooks' latency shape:
/// opening a company file costs seconds, so the link's questions must not be split by a return
/// to the syncing file.
/// </summary>
public sealed class LinkWhileSyncingTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qbconnector-link-busy-").FullName;
    private EmulatorProcess _cloud = null!;
    private EngineProcess _engine = null!;
    private ControlClient _control = null!;

    public async Task InitializeAsync()
    {
        _cloud = await EmulatorProcess.StartAsync(Path.Combine(_dir, "cloud"));
        _engine = await EngineProcess.StartAsync(new EngineProcessOptions { DataDirectory = Path.Combine(_dir, "engine"), CloudUrl = _cloud.GrpcUrl, SandboxLatency = "demo" });
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
    public async Task Linking_opens_the_new_company_file_once_while_another_company_syncs()
    {
        var busyFile = await CreateCompanyFileAsync("Busy Books", 3_000);
        var newFile = await CreateCompanyFileAsync("New Books", 150);
        var busyKey = await _cloud.CreateCompanyAsync("Busy Books", "US");
        var newKey = await _cloud.CreateCompanyAsync("New Books", "US");
        await _control.LinkAsync(new LinkCompanyRequest(busyKey, busyFile, "US"), default);
        await Eventually.TrueAsync(async () => (await StatusOfAsync(busyKey))?.Work is not null, TimeSpan.FromSeconds(60), "the first company is syncing");

        await _control.LinkAsync(new LinkCompanyRequest(newKey, newFile, "US"), default);

        (await StatusOfAsync(busyKey))!.Work.Should().NotBeNull("the first company was still syncing, so it competed for QuickBooks throughout the link");
        var lines = _engine.Output.ToList();
        var linked = lines.FindIndex(l => l.Contains("Linked company", StringComparison.Ordinal) && l.Contains(newKey, StringComparison.Ordinal));
        linked.Should().BePositive();
        lines.Take(linked).Count(l => l.Contains("Began a QuickBooks session", StringComparison.Ordinal) && l.Contains(newFile, StringComparison.Ordinal))
            .Should().Be(1, "the link's two questions to QuickBooks are asked in one visit to the file");
    }

    private async Task<CompanyStatus?> StatusOfAsync(string companyId) =>
        (await _control.GetStatusAsync(default)).Companies.FirstOrDefault(c => c.CompanyId == companyId);

    private async Task<string> CreateCompanyFileAsync(string name, int scale)
    {
        var path = Path.Combine(_dir, name.Replace(' ', '-') + ".QBW");
        var result = await EngineProcess.RunCliAsync(["sandbox", "create", "--file", path, "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--company-name", name]);
        result.ExitCode.Should().Be(0, result.Output);
        return path;
    }
}
