using System.Net;
using System.Net.Http.Json;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Security;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates.Layout;
using QbConnector.Grpc.Client;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Updates.Wiring;

/// <summary>
/// The running engine (in-process, linked to the real cloud emulator process) reports itself healthy once
/// connected, takes an update published with the emulator's POST /updates from its Connect stream, fetches and
/// verifies it, and, being idle, switches to it and asks to restart.
/// </summary>
public sealed class EngineUpdateEndToEndTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("engine-update-").FullName;
    private readonly TestInstall _install = new();
    private EmulatorProcess _cloud = null!;

    public async Task InitializeAsync()
    {
        _cloud = await EmulatorProcess.StartAsync(Path.Combine(_dir, "cloud"));
        var companyId = await _cloud.CreateCompanyAsync("Rock Castle");
        using var channel = GrpcChannel.ForAddress(_cloud.GrpcUrl);
        var linked = await new ConnectorServiceClient(channel.CreateCallInvoker()).LinkAsync(new LinkRequest
        {
            LicenceKey = companyId,
            Region = Region.Us,
            CompanyFile = new CompanyFile { Name = "rock.qbw", Fingerprint = "fp" },
            ConnectorVersion = EngineVersion.Current,
            Machine = new MachineFacts { Os = "Linux" },
        });
        new FileCredentialStore(new DataDirectory(Path.Combine(_dir, "engine")).CredentialsFolder)
            .Save(CloudLinkActor.CredentialKey, new InstallCredential(linked.InstallCredential));
    }

    public async Task DisposeAsync()
    {
        await _cloud.DisposeAsync();
        _install.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_published_update_reaches_the_running_engine_which_switches_to_it_and_asks_to_restart()
    {
        var options = new EngineOptions();
        options.Cloud.Url = _cloud.GrpcUrl;
        options.Updates.InstallRoot = _install.Root;
        options.Updates.SigningPublicKey = TestPackage.PublicKeyOf(_install.Key);
        options.Updates.MaxBytesPerSecond = null;
        _install.Layout.ClearHealth();
        await using var host = await EngineHost.StartAsync(new DataDirectory(Path.Combine(_dir, "engine")), options, () => new SandboxQbSession(new SandboxSessionOptions()), _install.Log);

        await Eventually.TrueAsync(() => _install.Layout.IsHealthy(EngineVersion.Current), TimeSpan.FromSeconds(30), "connecting to the cloud proves this version healthy");
        host.RestartForUpdate.IsCompleted.Should().BeFalse("nothing has been announced yet");

        var package = TestPackage.Build("1.1.0", paddingBytes: 100_000);
        await File.WriteAllBytesAsync(Path.Combine(_cloud.UpdatesDirectory, "connector-1.1.0.tar.gz"), package);
        var signed = TestPackage.Announce("1.1.0", $"http://127.0.0.1:{_cloud.HttpPort}/updates/connector-1.1.0.tar.gz", package, _install.Key);
        using (var published = await _cloud.Http.PostAsJsonAsync("updates", new { version = signed.Version, url = signed.PackageUrl, sha256 = signed.Sha256, signature = Convert.ToBase64String(signed.Signature.Span) }))
        {
            published.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await host.RestartForUpdate.WaitAsync(TimeSpan.FromSeconds(60));

        _install.Layout.ReadCurrent().Should().Be("1.1.0");
        _install.Layout.ReadTrial().Should().Be(new TrialRecord("1.1.0", TestInstall.InstalledVersion));
        File.ReadAllText(Path.Combine(_install.Layout.VersionFolder("1.1.0"), "engine", "version.txt")).Should().Be("1.1.0");
        _install.Logged.Messages.Should().Contain(m => m.Contains("Switched to version", StringComparison.Ordinal));
    }
}
