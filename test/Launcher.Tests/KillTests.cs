using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates;
using QbConnector.Launcher.Tests.Support;
using Serilog;

namespace QbConnector.Launcher.Tests;

/// <summary>
/// SIGKILL at the steps that matter, on real processes: during a download (which then resumes
/// where it stopped) and during the pointer switch (which is then old or new, never broken).
/// </summary>
public sealed class KillTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly LauncherInstall _install = new();
    private RangeFileServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RangeFileServer.StartAsync();
        _install.Install("1.0.0", "exit 0\n");
        _install.Layout.SetCurrent("1.0.0");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _install.Dispose();
    }

    [Fact]
    public async Task A_download_killed_part_way_leaves_the_running_version_and_resumes_afterwards()
    {
        var package = TestPackage.Build("1.1.0", paddingBytes: 1_000_000);
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);
        await using (var worker = LauncherInstall.StartWorker(
            "download", _install.Root, "1.0.0", TestPackage.PublicKeyOf(_install.Key), announcement.Version, announcement.PackageUrl, announcement.Sha256, Convert.ToBase64String(announcement.Signature.Span), "200000"))
        {
            await worker.WaitForLineAsync(l => l.StartsWith("Downloading ", StringComparison.Ordinal) && long.Parse(l["Downloading ".Length..], System.Globalization.CultureInfo.InvariantCulture) > 250_000, Deadline);
            await worker.KillAsync();
            worker.Output.Should().NotContain(l => l.StartsWith("done", StringComparison.Ordinal));
        }

        _install.Layout.ReadCurrent().Should().Be("1.0.0");
        Directory.Exists(_install.Layout.VersionFolder("1.1.0")).Should().BeFalse();
        var partial = Directory.EnumerateFiles(_install.Layout.StagingFolder, "*.partial").Should().ContainSingle().Subject;
        var kept = new FileInfo(partial).Length;
        kept.Should().BeInRange(250_000, package.Length - 1);

        using var http = new HttpClient();
        await using var manager = new UpdateManager(
            new UpdateOptions { InstallRoot = _install.Root, CurrentVersion = "1.0.0", SigningPublicKey = TestPackage.PublicKeyOf(_install.Key), MaxBytesPerSecond = null },
            http,
            new LoggerConfiguration().CreateLogger());
        (await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None)).Accepted.Should().BeTrue();
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.ReadyToRestart, manager.Status.Reason);
        _server.RangeHeaders.Should().Equal(null, $"bytes={kept}-");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(23)]
    public async Task A_switch_killed_at_any_instant_leaves_a_pointer_to_an_installed_version(int switchesBeforeKill)
    {
        _install.Install("1.1.0", "exit 0\n");
        await using (var worker = LauncherInstall.StartWorker("switch", _install.Root))
        {
            await worker.WaitForLineAsync(l => l == $"switched {switchesBeforeKill * 50}", Deadline);
            await worker.KillAsync();
        }

        var current = _install.Layout.ReadCurrent();
        current.Should().BeOneOf("1.0.0", "1.1.0");
        File.ReadAllText(_install.Layout.CurrentFile).Should().Be(current + "\n", "the pointer is whole");
        var trial = _install.Layout.ReadTrial();
        trial.Should().NotBeNull("the trial file is whole as well");

        // The launcher makes sense of whatever state the kill left.
        var inForce = _install.Layout.DiscardStaleTrial();
        (inForce is null || inForce.Candidate == current).Should().BeTrue();
        _install.Layout.IsInstalled(_install.Layout.ReadCurrent()!).Should().BeTrue();
        _install.Layout.EnsureExists();
        Directory.EnumerateFiles(_install.Root, "*.tmp").Should().BeEmpty("leftover temporary files are cleared on the next start");
    }
}
