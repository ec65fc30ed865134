using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Control;
using QbConnector.Engine.Gateway;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Persistence.Sqlite;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Security;
using QbConnector.Engine.Updates.Wiring;
using QbConnector.Grpc.Client;
using QbConnector.QbGateway.Sessions;
using Serilog;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// The running engine: one per user and data folder. Opens the journal, snapshots and outbox,
/// starts the gateway, the companies and the cloud link, and serves the local control API.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _restartForUpdate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SingleInstanceLock? _lock;

    private EngineHost()
    {
    }

    public ActorSystem System { get; private set; } = null!;

    public StatusBoard Status { get; } = new();

    /// <summary>Completes when the engine wants to end by itself (a one-time run is over); the host process then stops it.</summary>
    public Task StopRequested => _stopRequested.Task;

    /// <summary>Set with <see cref="StopRequested"/> when the connector should remove itself from the PC once stopped.</summary>
    public bool UninstallRequested { get; private set; }

    /// <summary>Completes when an update has been switched to: stop (dispose) and exit with the launcher's restart code.</summary>
    public Task RestartForUpdate => _restartForUpdate.Task;

    public static async Task<EngineHost> StartAsync(DataDirectory data, EngineOptions options, Func<IQbSession> sessionFactory, ILogger log, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        var host = new EngineHost();
        try
        {
            data.EnsureExists();
            host._lock = SingleInstanceLock.Acquire(data.LockFile);
            var serializer = new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(EngineHost).Assembly));
            var journal = await SqliteJournal.OpenAsync(new SqliteStoreOptions(data.JournalFile), serializer, log, ct);
            host._resources.Add(journal);
            var snapshots = await SqliteSnapshotStore.OpenAsync(new SqliteStoreOptions(data.SnapshotFile), serializer, log, ct);
            host._resources.Add(snapshots);
            var outbox = SqliteOutbox.Open(data.OutboxFile, options.Outbox.BudgetBytes, time);
            host._resources.Add(outbox);
            var credentials = new FileCredentialStore(data.CredentialsFolder);

            var system = ActorSystem.Create("engine", new ActorSystemOptions { Time = time, Logger = log });
            host.System = system;
            PersistenceExtension.Register(system, journal, snapshots);
            var gateway = system.ActorOf(GatewayActor.Props(sessionFactory, options.Gateway, time, () => IdleMemory.Release(log)), "gateway");
            var channel = GrpcChannel.ForAddress(options.Cloud.Url);
            var client = new ConnectorServiceClient(channel.CreateCallInvoker());
            var directory = new CompanyDirectory(host.Status);
            var cloudLink = new DeferredActorRef("cloud-link");
            var deps = new CompanyDependencies(gateway, cloudLink, outbox, host.Status, options.Sync, time);
            var removal = new CompanyRemovalServices(credentials, new CloudUnlinker(client, credentials, time, log), cloudLink, () => host.OneTimeFinished(options.Uninstall, time, log));
            var companies = system.ActorOf(Props.Create(() => new CompaniesActor(deps, directory, removal)), "companies");
            // Before the cloud link, so its first connection and announcements reach the updater.
            if (EngineUpdates.Start(system, options.Updates, new EngineIdleProbe(host.Status, outbox), () => host._restartForUpdate.TrySetResult(), log, time) is { } updates)
            {
                host._resources.Add(updates);
            }

            cloudLink.Target = system.ActorOf(Props.Create(() => new CloudLinkActor(client, options.Cloud, credentials, outbox, companies, directory, time, EngineVersion.Current)), "cloud-link");
            var link = new LinkFlow(gateway, companies, cloudLink, client, credentials, host.Status, time, log);
            host._resources.Add(await ControlServer.StartAsync(data, new EngineControl(host.Status, companies, cloudLink.Target, link, directory, time), ct));
            host._resources.Add(new Disposer(channel.Dispose));
            log.Information("Engine {Version} started for data folder {DataFolder}", EngineVersion.Current, data.Root);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The control API first (no new commands), then the actors (in-flight pages reach the outbox), then storage.
        var control = _resources.OfType<ControlServer>().ToList();
        foreach (var server in control)
        {
            await server.DisposeAsync();
        }

        if (System is not null)
        {
            await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }

        foreach (var resource in Enumerable.Reverse(_resources).Except(control))
        {
            await resource.DisposeAsync();
        }

        _lock?.Dispose();
    }

    /// <summary>
    /// The one-time run is over: the status says so at once, and a moment later (so the tray sees
    /// it) the engine asks to be stopped and removed.
    /// </summary>
    private void OneTimeFinished(UninstallOptions options, TimeProvider time, ILogger log)
    {
        Status.MarkOneTimeFinished();
        log.Information("The one-time run is complete: the connector removes itself from this PC in {Delay}", options.ExitDelay);
        _ = Task.Delay(options.ExitDelay, time).ContinueWith(
            _ =>
            {
                UninstallRequested = true;
                _stopRequested.TrySetResult();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
