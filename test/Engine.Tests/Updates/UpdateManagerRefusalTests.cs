using System.Security.Cryptography;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Signing;

namespace QbConnector.Engine.Tests.Updates;

/// <summary>Everything that is not a genuine, newer, signed package is refused, with the reason logged, and version 1.0.0 stays current.</summary>
public sealed class UpdateManagerRefusalTests : IAsyncLifetime
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
    public async Task Tampered_bytes_fail_the_hash_check_and_nothing_is_installed()
    {
        var package = TestPackage.Build("1.1.0");
        var announcement = TestPackage.Announce("1.1.0", "unused", package, _install.Key);
        var tampered = (byte[])package.Clone();
        tampered[^10] ^= 0xff;
        var url = _server.Publish("p.tar.gz", tampered);

        var status = await RunAsync(announcement with { PackageUrl = url.ToString() });

        status.State.Should().Be(UpdateState.Failed);
        status.Reason.Should().Contain("SHA-256");
        AssertUntouched("1.1.0");
        _install.Logged.Messages.Should().Contain(m => m.StartsWith("Warning") && m.Contains("SHA-256"));
    }

    [Fact]
    public async Task Bytes_signed_by_another_key_are_refused_and_the_version_is_never_tried_again()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var package = TestPackage.Build("1.1.0");
        var url = _server.Publish("p.tar.gz", package);
        var announcement = TestPackage.Announce("1.1.0", url.ToString(), package, otherKey);

        var status = await RunAsync(announcement);

        status.State.Should().Be(UpdateState.Refused);
        status.Reason.Should().Contain("signature");
        AssertUntouched("1.1.0");
        _install.Layout.IsRejected("1.1.0").Should().BeTrue();

        // Replayed with a genuine signature, the rejected version is still refused.
        await using var again = new UpdateManager(_install.Options(), _http, _install.Log);
        var replay = await again.OnUpdateAvailableAsync(TestPackage.Announce("1.1.0", url.ToString(), package, _install.Key), CancellationToken.None);
        replay.Accepted.Should().BeFalse();
        replay.Reason.Should().Contain("rejected");
    }

    [Fact]
    public async Task A_signature_over_other_bytes_is_refused()
    {
        var package = TestPackage.Build("1.1.0");
        var url = _server.Publish("p.tar.gz", package);
        var announcement = TestPackage.Announce("1.1.0", url.ToString(), package, _install.Key) with
        {
            Signature = PackageSignature.Sign(_install.Key, TestPackage.Build("1.1.0")),
        };

        var status = await RunAsync(announcement);

        status.State.Should().Be(UpdateState.Refused);
        AssertUntouched("1.1.0");
    }

    [Theory]
    [InlineData("1.0.0", "not newer")]
    [InlineData("0.9.9", "not newer")]
    [InlineData("1.0.0-rc.1", "not newer")]
    [InlineData("1.1", "not a semantic version")]
    [InlineData("../1.2.0", "not a semantic version")]
    public async Task Older_equal_or_malformed_versions_are_refused_at_once(string version, string reason)
    {
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log);
        var package = TestPackage.Build("1.1.0");

        var decision = await manager.OnUpdateAvailableAsync(TestPackage.Announce(version, _server.Publish("p.tar.gz", package).ToString(), package, _install.Key), CancellationToken.None);

        decision.Accepted.Should().BeFalse();
        decision.Reason.Should().Contain(reason);
        _server.RangeHeaders.Should().BeEmpty("nothing is fetched for a refused announcement");
        _install.Logged.Messages.Should().Contain(m => m.StartsWith("Warning") && m.Contains(reason));
    }

    [Theory]
    [InlineData("ftp://example.com/p.tar.gz", "abc", "URL")]
    [InlineData("relative/p.tar.gz", "abc", "URL")]
    [InlineData("http://127.0.0.1/p.tar.gz", "ABC", "SHA-256")]
    public async Task Announcements_with_a_bad_url_or_hash_are_refused(string url, string sha, string reason)
    {
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log);
        var shaHex = sha == "ABC" ? new string('A', 64) : new string('a', 64);

        var decision = await manager.OnUpdateAvailableAsync(new UpdateAnnouncement("1.1.0", url, shaHex, new byte[64]), CancellationToken.None);

        decision.Accepted.Should().BeFalse();
        decision.Reason.Should().Contain(reason);
    }

    [Fact]
    public async Task An_announcement_without_a_signature_is_refused()
    {
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log);

        var decision = await manager.OnUpdateAvailableAsync(new UpdateAnnouncement("1.1.0", "http://127.0.0.1/p", new string('a', 64), ReadOnlyMemory<byte>.Empty), CancellationToken.None);

        decision.Reason.Should().Contain("signature");
    }

    [Fact]
    public async Task A_signed_package_whose_files_do_not_match_its_manifest_is_refused()
    {
        var package = TestPackage.Build("1.1.0", tamperFolder: folder => File.AppendAllText(Path.Combine(folder, "engine", "engine.sh"), "rm -rf /\n"));
        var url = _server.Publish("p.tar.gz", package);

        var status = await RunAsync(TestPackage.Announce("1.1.0", url.ToString(), package, _install.Key));

        status.State.Should().Be(UpdateState.Refused);
        status.Reason.Should().Contain("manifest");
        AssertUntouched("1.1.0");
    }

    [Fact]
    public async Task A_package_announced_as_another_version_is_refused()
    {
        var package = TestPackage.Build("1.2.0");
        var url = _server.Publish("p.tar.gz", package);

        var status = await RunAsync(TestPackage.Announce("1.1.0", url.ToString(), package, _install.Key));

        status.State.Should().Be(UpdateState.Refused);
        status.Reason.Should().Contain("1.2.0");
        AssertUntouched("1.1.0");
    }

    [Fact]
    public async Task A_version_already_installed_and_waiting_is_not_fetched_again()
    {
        var package = TestPackage.Build("1.1.0");
        var announcement = TestPackage.Announce("1.1.0", _server.Publish("p.tar.gz", package).ToString(), package, _install.Key);
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log);
        (await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None)).Accepted.Should().BeTrue();
        await manager.WhenIdleAsync();
        manager.Status.State.Should().Be(UpdateState.ReadyToRestart);

        var replay = await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);

        replay.Accepted.Should().BeFalse();
        replay.Reason.Should().Contain("already installed");
        _server.RangeHeaders.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_missing_package_fails_without_rejecting_the_version()
    {
        var package = TestPackage.Build("1.1.0");
        var announcement = TestPackage.Announce("1.1.0", new Uri(_server.BaseAddress, "/packages/missing").ToString(), package, _install.Key);

        var status = await RunAsync(announcement);

        status.State.Should().Be(UpdateState.Failed);
        _install.Layout.IsRejected("1.1.0").Should().BeFalse();
    }

    private async Task<UpdateStatus> RunAsync(UpdateAnnouncement announcement)
    {
        await using var manager = new UpdateManager(_install.Options(), _http, _install.Log);
        var decision = await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        decision.Accepted.Should().BeTrue(decision.Reason);
        await manager.WhenIdleAsync();
        manager.TrySwitchForRestart().Should().BeFalse("nothing verified waits to start");
        return manager.Status;
    }

    private void AssertUntouched(string refusedVersion)
    {
        _install.Layout.ReadCurrent().Should().Be(TestInstall.InstalledVersion);
        _install.Layout.ReadTrial().Should().BeNull();
        Directory.Exists(_install.Layout.VersionFolder(refusedVersion)).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(_install.Layout.StagingFolder).Should().BeEmpty();
        Directory.EnumerateDirectories(_install.Layout.VersionsFolder).Select(Path.GetFileName).Should().Equal(TestInstall.InstalledVersion);
    }
}
