using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates;

namespace QbConnector.Engine.Tests.Updates;

/// <summary>A download stopped part way resumes with HTTP Range; a full disk fails the attempt and leaves 1.0.0 running and current.</summary>
public sealed class UpdateManagerInterruptionTests : IAsyncLifetime
{
    private readonly TestInstall _install = new();
    private RangeFileServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await RangeFileServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _install.Dispose();
    }

    [Fact]
    public async Task A_download_stopped_part_way_resumes_from_the_partial_file()
    {
        var package = TestPackage.Build("1.1.0", paddingBytes: 300_000);
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);
        var time = new QbConnector.TestSupport.ManualTimeProvider();

        // 64 KiB/s on a clock that never moves: the download stalls after its first second's worth.
        await using (var stalled = new UpdateManager(_install.Options(bytesPerSecond: 64 * 1024), _http, _install.Log, time))
        {
            (await stalled.OnUpdateAvailableAsync(announcement, CancellationToken.None)).Accepted.Should().BeTrue();
            await QbConnector.TestSupport.Eventually.TrueAsync(() => stalled.Status.BytesReceived >= 48 * 1024 && time.ActiveTimerCount > 0, TimeSpan.FromSeconds(20));
        }

        var partial = Directory.EnumerateFiles(_install.Layout.StagingFolder, "*.partial").Should().ContainSingle().Subject;
        var kept = new FileInfo(partial).Length;
        kept.Should().BeInRange(1, package.Length - 1);

        await using var resumed = new UpdateManager(_install.Options(), _http, _install.Log);
        (await resumed.OnUpdateAvailableAsync(announcement, CancellationToken.None)).Accepted.Should().BeTrue();
        await resumed.WhenIdleAsync();

        resumed.Status.State.Should().Be(UpdateState.ReadyToRestart, resumed.Status.Reason);
        _server.RangeHeaders.Should().Equal(null, $"bytes={kept}-");
        _install.Logged.Messages.Should().Contain(m => m.Contains($"resumed at byte {kept}"));
    }

    [Fact]
    public async Task A_partial_file_is_fetched_again_whole_when_the_server_ignores_range()
    {
        var package = TestPackage.Build("1.1.0");
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);
        Directory.CreateDirectory(_install.Layout.StagingFolder);

        // A partial file with wrong bytes (say, from a server that changed the package): the hash
        // check catches it, the partial is dropped, and the next announcement starts over.
        File.WriteAllBytes(Path.Combine(_install.Layout.StagingFolder, $"1.1.0-{announcement.Sha256[..16]}.partial"), new byte[package.Length / 2]);
        await using (var first = new UpdateManager(_install.Options(), _http, _install.Log))
        {
            await first.OnUpdateAvailableAsync(announcement, CancellationToken.None);
            await first.WhenIdleAsync();
            first.Status.State.Should().Be(UpdateState.Failed);
        }

        await using var second = new UpdateManager(_install.Options(), _http, _install.Log);
        await second.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        await second.WhenIdleAsync();

        second.Status.State.Should().Be(UpdateState.ReadyToRestart);
        _server.RangeHeaders.Last().Should().BeNull("the second attempt started from byte 0");
    }

    [Fact]
    public async Task A_full_disk_during_the_download_fails_the_attempt_and_a_later_one_resumes()
    {
        var package = TestPackage.Build("1.1.0", paddingBytes: 200_000);
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);
        var disk = new DiskQuota(100_000);

        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log, null, disk.Open);
        await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.Failed);
        manager.Status.Reason.Should().Be("the disk is full");
        AssertRunningVersionIntact();
        _install.Layout.IsRejected("1.1.0").Should().BeFalse("a full disk says nothing about the package");

        disk.Grow(10_000_000);
        await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.ReadyToRestart, manager.Status.Reason);
        _server.RangeHeaders.Last().Should().Be("bytes=100000-");
    }

    [Fact]
    public async Task A_full_disk_during_extraction_leaves_no_half_version_and_the_package_can_be_installed_later()
    {
        var package = TestPackage.Build("1.1.0", paddingBytes: 200_000);
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);

        // Room for the download, not for unpacking it too.
        var disk = new DiskQuota(package.Length + 50_000);
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log, null, disk.Open);
        await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.Failed);
        manager.Status.Reason.Should().Be("the disk is full");
        AssertRunningVersionIntact();
        Directory.EnumerateDirectories(_install.Layout.VersionsFolder).Select(Path.GetFileName).Should().Equal(TestInstall.InstalledVersion);

        disk.Grow(10_000_000);
        await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.ReadyToRestart, manager.Status.Reason);
    }

    private void AssertRunningVersionIntact()
    {
        _install.Layout.ReadCurrent().Should().Be(TestInstall.InstalledVersion);
        _install.Layout.ReadTrial().Should().BeNull();
        Directory.Exists(_install.Layout.VersionFolder("1.1.0")).Should().BeFalse();
        var manifest = QbConnector.Engine.Updates.Install.PackageManifest.Read(Path.Combine(_install.Layout.VersionFolder(TestInstall.InstalledVersion), "manifest.json"));
        manifest.Mismatch(_install.Layout.VersionFolder(TestInstall.InstalledVersion)).Should().BeNull();
    }
}
