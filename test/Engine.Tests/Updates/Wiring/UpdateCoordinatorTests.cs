using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Layout;
using QbConnector.Engine.Updates.Wiring;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Updates.Wiring;

/// <summary>The coordinator between the cloud link's events, the updater and the engine's quiet moments.</summary>
public sealed class UpdateCoordinatorTests : ActorTestKit, IAsyncLifetime
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);
    private readonly TestInstall _install = new();
    private readonly SwitchableIdleProbe _idle = new();
    private readonly HttpClient _http = new();
    private RangeFileServer _server = null!;
    private UpdateManager _manager = null!;
    private IDisposable _subscriptions = null!;
    private int _restarts;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _server = await RangeFileServer.StartAsync();
        _manager = new UpdateManager(_install.Options(), _http, _install.Log);
        _subscriptions = UpdateCoordinator.Start(System, _manager, _idle, () => Interlocked.Increment(ref _restarts), CheckInterval, _install.Log);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _subscriptions.Dispose();
        await DisposeAsync();
        await _manager.DisposeAsync();
        _http.Dispose();
        await _server.DisposeAsync();
        _install.Dispose();
    }

    [Fact]
    public async Task An_announced_update_is_fetched_and_switched_to_at_the_first_quiet_moment_only()
    {
        _idle.Idle = false;
        System.EventStream.Publish(Announce("1.1.0"));

        await Eventually.TrueAsync(() => _manager.Status.State == UpdateState.ReadyToRestart, because: "the announcement is fetched in the background");
        await Eventually.TrueAsync(() => _idle.Checks >= 1, because: "a staged version asks at once whether the engine is idle");
        _restarts.Should().Be(0);
        _install.Layout.ReadCurrent().Should().Be(TestInstall.InstalledVersion, "work is in progress");

        await AdvanceWhenTimersAsync(CheckInterval);
        await Eventually.TrueAsync(() => _idle.Checks >= 2, because: "the coordinator looks again after its interval");
        _restarts.Should().Be(0);

        _idle.Idle = true;
        await AdvanceWhenTimersAsync(CheckInterval);

        await Eventually.TrueAsync(() => Volatile.Read(ref _restarts) == 1, because: "the engine is idle now");
        _install.Layout.ReadCurrent().Should().Be("1.1.0");
        _install.Layout.ReadTrial().Should().Be(new TrialRecord("1.1.0", TestInstall.InstalledVersion));
        _manager.Status.State.Should().Be(UpdateState.Restarting);
    }

    [Fact]
    public async Task When_already_idle_the_switch_follows_the_verification_straight_away()
    {
        _idle.Idle = true;

        System.EventStream.Publish(Announce("1.2.0"));

        await Eventually.TrueAsync(() => Volatile.Read(ref _restarts) == 1, because: "nothing is in progress");
        _install.Layout.ReadCurrent().Should().Be("1.2.0");
        Clock.ActiveTimerCount.Should().Be(0, "no second look was needed");
    }

    [Fact]
    public async Task An_announcement_that_is_refused_changes_nothing()
    {
        _idle.Idle = true;

        System.EventStream.Publish(Announce("0.9.0"));

        await Eventually.TrueAsync(() => _install.Logged.Messages.Any(m => m.Contains("0.9.0", StringComparison.Ordinal) && m.Contains("refused", StringComparison.Ordinal)), because: "an older version is refused with its reason");
        _manager.Status.State.Should().Be(UpdateState.Idle);
        _restarts.Should().Be(0);
        _install.Layout.ReadCurrent().Should().Be(TestInstall.InstalledVersion);
    }

    [Fact]
    public async Task The_first_connection_to_the_cloud_reports_this_version_healthy()
    {
        _install.Layout.ClearHealth();

        System.EventStream.Publish(new CloudLinkConnected(DateTimeOffset.UnixEpoch));

        await Eventually.TrueAsync(() => _install.Layout.IsHealthy(TestInstall.InstalledVersion), because: "the launcher ends the trial on this file");
    }

    private UpdateAvailable Announce(string version)
    {
        var package = TestPackage.Build(version);
        var url = _server.Publish($"connector-{version}.tar.gz", package);
        var announcement = TestPackage.Announce(version, url.ToString(), package, _install.Key);
        return new UpdateAvailable
        {
            Version = announcement.Version,
            PackageUrl = announcement.PackageUrl,
            Sha256 = announcement.Sha256,
            Signature = ByteString.CopyFrom(announcement.Signature.Span),
        };
    }

    private sealed class SwitchableIdleProbe : IEngineIdleProbe
    {
        private int _checks;

        public volatile bool Idle;

        public int Checks => Volatile.Read(ref _checks);

        public Task<bool> IsIdleAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _checks);
            return Task.FromResult(Idle);
        }
    }
}
