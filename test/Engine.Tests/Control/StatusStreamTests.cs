using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Control;

public sealed class StatusStreamTests : IAsyncDisposable
{
    private readonly DataDirectory _data = new(Directory.CreateTempSubdirectory("ctl-stream-").FullName);

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        Directory.Delete(_data.Root, recursive: true);
    }

    [Fact]
    public async Task The_stream_sends_the_status_now_and_again_as_soon_as_the_engine_signals_a_change()
    {
        var engine = new SignallingControl();
        // A poll interval far beyond the test: only the engine's signal can bring the second status.
        await using var server = await ControlServer.StartAsync(_data, engine, new ControlServerOptions { StatusPollInterval = TimeSpan.FromHours(1) });
        using var client = new ControlClient(_data);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stream = client.WatchStatusAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Companies.Single().State.Should().Be("Linking");

        engine.Set("WaitingForAuthorisation");
        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Companies.Single().State.Should().Be("WaitingForAuthorisation");

        engine.Set("Linked");
        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Companies.Single().State.Should().Be("Linked");
    }

    [Fact]
    public async Task Without_a_signal_the_stream_polls_and_sends_only_changes()
    {
        var engine = new PlainControl("Syncing");
        var clock = new ManualTimeProvider();
        await using var server = await ControlServer.StartAsync(_data, engine, new ControlServerOptions { TimeProvider = clock, StatusPollInterval = TimeSpan.FromSeconds(1) });
        using var client = new ControlClient(_data);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var stream = client.WatchStatusAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        (await stream.MoveNextAsync()).Should().BeTrue();

        // Two polls with nothing new, then a change: the next item is the change, not a repeat.
        await Eventually.TrueAsync(() => engine.Reads == 1 && clock.ActiveTimerCount > 0);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => engine.Reads == 2 && clock.ActiveTimerCount > 0);
        engine.State = "Linked";
        clock.Advance(TimeSpan.FromSeconds(1));

        (await stream.MoveNextAsync()).Should().BeTrue();
        stream.Current.Companies.Single().State.Should().Be("Linked");
        engine.Reads.Should().Be(3);
    }

    [Fact]
    public async Task The_stream_ends_when_the_engine_stops()
    {
        var server = await ControlServer.StartAsync(_data, new PlainControl("Linked"));
        using var client = new ControlClient(_data);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stream = client.WatchStatusAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        (await stream.MoveNextAsync()).Should().BeTrue();

        var next = stream.MoveNextAsync().AsTask();
        await server.DisposeAsync();

        (await next).Should().BeFalse();
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task A_licence_key_is_described_by_the_engine_and_defaults_to_no_branding()
    {
        await using (var server = await ControlServer.StartAsync(_data, new PlainControl("Linked")))
        {
            using var client = new ControlClient(_data);
            (await client.DescribeLicenceAsync("key/1")).Should().Be(new LicenceInfo("key/1", null));
        }

        await using (var server = await ControlServer.StartAsync(_data, new SignallingControl()))
        {
            using var client = new ControlClient(_data);
            var info = await client.DescribeLicenceAsync("key/1");
            info.LicenceKey.Should().Be("key/1");
            info.Branding!.PlatformName.Should().Be("Ledgerly");
        }
    }

    [Fact]
    public async Task Watching_with_no_engine_says_it_is_not_running()
    {
        using var client = new ControlClient(_data);

        var watch = async () =>
        {
            await foreach (var unused in client.WatchStatusAsync())
            {
            }
        };

        await watch.Should().ThrowAsync<EngineNotRunningException>();
    }

    private static EngineStatus StatusWith(string state) =>
        new("0.1.0", true, [new CompanyStatus("c1", "Rock Castle", "/books/a.qbw", state, null, new Dictionary<string, DateTimeOffset>(), null, null, null)]);

    private class PlainControl(string state) : IEngineControl
    {
        private int _reads;

        public volatile string State = state;

        public int Reads => Volatile.Read(ref _reads);

        public virtual Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(StatusWith(State));
        }

        public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class SignallingControl() : PlainControl("Linking"), IEngineControl
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Set(string state)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                State = state;
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        public Task StatusChangedAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _changed.Task.WaitAsync(cancellationToken);
            }
        }

        public Task<LicenceInfo> DescribeLicenceAsync(string licenceKey, CancellationToken cancellationToken) =>
            Task.FromResult(new LicenceInfo(licenceKey, new Branding("Ledgerly", null, "#0a7d5a")));
    }
}
