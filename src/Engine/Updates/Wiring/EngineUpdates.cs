using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Hosting;
using Serilog;

namespace QbConnector.Engine.Updates.Wiring;

/// <summary>The updater of a running engine: its manager, HTTP client and coordinator actor, disposed together.</summary>
public sealed class EngineUpdates : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly IDisposable _subscriptions;

    private EngineUpdates(UpdateManager manager, HttpClient http, IDisposable subscriptions)
    {
        Manager = manager;
        _http = http;
        _subscriptions = subscriptions;
    }

    public UpdateManager Manager { get; }

    /// <summary>Starts the coordinator, or returns null when the engine is not running from an install.</summary>
    /// <param name="restart">Called once an update is switched to: the engine is to stop gracefully and exit with <see cref="Layout.InstallLayout.RestartForUpdateExitCode"/>.</param>
    public static EngineUpdates? Start(ActorSystem system, EngineUpdateOptions options, IEngineIdleProbe idle, Action restart, ILogger log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var root = options.ResolveInstallRoot();
        if (root is null)
        {
            log.Information("Not running from an install: updates are off");
            return null;
        }

        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var manager = new UpdateManager(
            new UpdateOptions
            {
                InstallRoot = root,
                CurrentVersion = EngineVersion.Current,
                SigningPublicKey = options.SigningPublicKey,
                MaxBytesPerSecond = options.MaxBytesPerSecond,
            },
            http,
            log,
            time);
        var subscriptions = UpdateCoordinator.Start(system, manager, idle, restart, options.IdleCheckInterval, log);
        return new EngineUpdates(manager, http, subscriptions);
    }

    public async ValueTask DisposeAsync()
    {
        _subscriptions.Dispose();
        await Manager.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
