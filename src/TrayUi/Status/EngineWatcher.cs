using QbConnector.Engine.Control;
using QbConnector.Engine.Hosting;
using ILogger = Serilog.ILogger;

namespace QbConnector.TrayUi.Status;

/// <summary>
/// Follows the engine's live status stream, reconnecting with backoff while the engine is not
/// running, and hands the latest view to whoever waits for a change (the tray, each open dashboard).
/// </summary>
internal sealed class EngineWatcher : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly DataDirectory _data;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EngineView _current = EngineView.Unknown;
    private long _version;
    private Task? _loop;

    public EngineWatcher(DataDirectory data, TimeProvider clock, ILogger log)
    {
        _data = data;
        _clock = clock;
        _log = log;
    }

    public event Action<EngineView>? Changed;

    public (EngineView View, long Version) Current
    {
        get
        {
            lock (_gate)
            {
                return (_current, _version);
            }
        }
    }

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>
    /// Completes once the engine has answered or was found not running, so a freshly opened
    /// dashboard does not flash "not running" while the first status is on its way.
    /// </summary>
    public Task FirstAnswer => _firstAnswer.Task;

    /// <summary>Completes with the view once its version is past <paramref name="seen"/>.</summary>
    public async Task<(EngineView View, long Version)> NextAsync(long seen, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_version > seen)
                {
                    return (_current, _version);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var retry = FirstRetry;
        using var client = new ControlClient(_data);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var status in client.WatchStatusAsync(ct))
                {
                    Publish(new EngineView(true, status));
                    retry = FirstRetry;
                }
            }
            catch (EngineNotRunningException)
            {
                // Expected while the engine is starting or stopped; the view says so.
            }
            catch (ControlException ex)
            {
                _log.Warning("The engine refused the status stream: {Reason}", ex.Message);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }

            Publish(new EngineView(false, Current.View.Status));
            try
            {
                await Task.Delay(retry, _clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void Publish(EngineView view)
    {
        _firstAnswer.TrySetResult();
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_current == view || (_current.EngineRunning == view.EngineRunning && ReferenceEquals(_current.Status, view.Status)))
            {
                return;
            }

            _current = view;
            _version++;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        Changed?.Invoke(view);
    }
}
