using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Install;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Updates;

/// <summary>A package published to the real cloud emulator is fetched over HTTP, verified, installed beside 1.0.0, and switched to.</summary>
public sealed class UpdateManagerEndToEndTests : IAsyncLifetime
{
    private readonly TestInstall _install = new();
    private readonly string _cloudData = Directory.CreateTempSubdirectory("qbconnector-cloud-").FullName;
    private EmulatorProcess _cloud = null!;

    public async Task InitializeAsync() => _cloud = await EmulatorProcess.StartAsync(_cloudData);

    public async Task DisposeAsync()
    {
        await _cloud.DisposeAsync();
        _install.Dispose();
        Directory.Delete(_cloudData, recursive: true);
    }

    [Fact]
    public async Task A_published_update_is_downloaded_verified_installed_side_by_side_and_switched_to_on_trial()
    {
        var package = TestPackage.Build("1.1.0", paddingBytes: 200_000);
        await File.WriteAllBytesAsync(Path.Combine(_cloud.UpdatesDirectory, "connector-1.1.0-linux-x64.tar.gz"), package);
        var signed = TestPackage.Announce("1.1.0", $"http://127.0.0.1:{_cloud.HttpPort}/updates/connector-1.1.0-linux-x64.tar.gz", package, _install.Key);
        using (var published = await _cloud.Http.PostAsJsonAsync("updates", new { version = signed.Version, url = signed.PackageUrl, sha256 = signed.Sha256, signature = Convert.ToBase64String(signed.Signature.Span) }))
        {
            published.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        // What the cloud announces, as the emulator holds it.
        var latest = await _cloud.Http.GetFromJsonAsync<JsonElement>("updates");
        var announcement = new UpdateAnnouncement(
            latest.GetProperty("version").GetString()!,
            latest.GetProperty("url").GetString()!,
            latest.GetProperty("sha256").GetString()!,
            Convert.FromBase64String(latest.GetProperty("signature").GetString()!));

        using var http = new HttpClient();
        await using var manager = new UpdateManager(_install.Options(bytesPerSecond: 10 * 1024 * 1024), http, _install.Log);
        var states = new List<UpdateState>();
        manager.StatusChanged += (_, s) =>
        {
            lock (states)
            {
                if (states.Count == 0 || states[^1] != s.State)
                {
                    states.Add(s.State);
                }
            }
        };

        var decision = await manager.OnUpdateAvailableAsync(announcement, CancellationToken.None);
        decision.Accepted.Should().BeTrue(decision.Reason);
        await manager.WhenIdleAsync();

        manager.Status.State.Should().Be(UpdateState.ReadyToRestart, manager.Status.Reason);
        states.Should().Equal(UpdateState.Downloading, UpdateState.Verifying, UpdateState.Installing, UpdateState.ReadyToRestart);
        _install.Layout.ReadCurrent().Should().Be("1.0.0", "the switch waits for a quiet moment");
        PackageManifest.Read(Path.Combine(_install.Layout.VersionFolder("1.1.0"), "manifest.json")).Mismatch(_install.Layout.VersionFolder("1.1.0")).Should().BeNull();
        File.ReadAllText(Path.Combine(_install.Layout.VersionFolder("1.1.0"), "engine", "version.txt")).Should().Be("1.1.0");
        Directory.EnumerateFileSystemEntries(_install.Layout.StagingFolder).Should().BeEmpty();

        manager.TrySwitchForRestart().Should().BeTrue();

        _install.Layout.ReadCurrent().Should().Be("1.1.0");
        _install.Layout.ReadTrial().Should().Be(new QbConnector.Engine.Updates.Layout.TrialRecord("1.1.0", "1.0.0"));
        Directory.Exists(_install.Layout.VersionFolder("1.0.0")).Should().BeTrue("the previous version stays");
        manager.Status.State.Should().Be(UpdateState.Restarting);
    }
}
