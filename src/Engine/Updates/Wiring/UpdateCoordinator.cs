using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Timers;
using QbConnector.Engine.Cloud.Link;
using Serilog;

namespace QbConnector.Engine.Updates.Wiring;

/// <summary>
/// Ties the updater to the running engine. Announcements from the cloud link (the event stream's
/// <see cref="UpdateAvailable"/>) go to <see cref="UpdateManager.OnUpdateAvailableAsync"/>, which fetches in the
/// background; the first successful connection to the cloud reports this version healthy (ending a trial);
/// once a verified version waits, the engine is asked whether it is idle (right away, then every
/// <c>checkInterval</c>) and at the first quiet moment the pointer is switched and the engine told to restart.
/// </summary>
public sealed class UpdateCoordinator : ReceiveActor, IWithTimers
{
    private const string CheckTimer = "idle-check";
    private readonly UpdateManager _manager;
    private readonly IEngineIdleProbe _idle;
    private readonly Action _restart;
    private readonly TimeSpan _checkInterval;
    private readonly ILogger _log;
    private EventHandler<UpdateStatus>? _statusChanged;
    private bool _reportedHealthy;
    private bool _restarting;

    public UpdateCoordinator(UpdateManager manager, IEngineIdleProbe idle, Action restart, TimeSpan checkInterval, ILogger log)
    {
        _manager = manager;
        _idle = idle;
        _restart = restart;
        _checkInterval = checkInterval;
        _log = log.ForContext<UpdateCoordinator>();

        ReceiveAsync<UpdateAvailable>(OnAnnouncedAsync);
        Receive<CloudLinkConnected>(_ => ReportHealthy());
        ReceiveAsync<CheckForQuietMoment>(_ => TryRestartAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Starts the coordinator and subscribes it to the event stream before returning, so nothing the cloud link
    /// publishes from now on is missed while the actor is still starting. Dispose the result to unsubscribe.
    /// </summary>
    public static IDisposable Start(ActorSystem system, UpdateManager manager, IEngineIdleProbe idle, Action restart, TimeSpan checkInterval, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(system);
        var coordinator = system.ActorOf(Props.Create(() => new UpdateCoordinator(manager, idle, restart, checkInterval, log)), "updates");
        return new Subscriptions(
            system.EventStream.Subscribe<UpdateAvailable>(m => coordinator.Tell(m, ActorRefs.Nobody)),
            system.EventStream.Subscribe<CloudLinkConnected>(m => coordinator.Tell(m, ActorRefs.Nobody)));
    }

    protected override void PreStart()
    {
        var self = Self;
        _statusChanged = (_, status) =>
        {
            if (status.State == UpdateState.ReadyToRestart)
            {
                self.Tell(CheckForQuietMoment.Instance, self);
            }
        };
        _manager.StatusChanged += _statusChanged;
        if (_manager.IsRestartPending)
        {
            self.Tell(CheckForQuietMoment.Instance, self);
        }
    }

    protected override void PostStop()
    {
        _manager.StatusChanged -= _statusChanged;
    }

    private async Task OnAnnouncedAsync(UpdateAvailable update)
    {
        // Answers at once: the download runs in the background and reports through StatusChanged.
        await _manager.OnUpdateAvailableAsync(new UpdateAnnouncement(update.Version, update.PackageUrl, update.Sha256, update.Signature.Memory), CancellationToken.None);
    }

    private void ReportHealthy()
    {
        if (_reportedHealthy)
        {
            return;
        }

        _reportedHealthy = true;
        try
        {
            _manager.MarkHealthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The launcher would then roll this version back: worth a line in the log.
            _log.Warning(ex, "Could not report this version healthy");
        }
    }

    private async Task TryRestartAsync()
    {
        if (_restarting || !_manager.IsRestartPending)
        {
            return;
        }

        if (!await _idle.IsIdleAsync(CancellationToken.None))
        {
            Timers.StartSingleTimer(CheckTimer, CheckForQuietMoment.Instance, _checkInterval);
            return;
        }

        if (_manager.TrySwitchForRestart())
        {
            _restarting = true;
            _restart();
        }
    }

    private sealed class Subscriptions(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    private sealed record CheckForQuietMoment
    {
        public static CheckForQuietMoment Instance { get; } = new();
    }
}
