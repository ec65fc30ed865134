using System.CommandLine;
using Microsoft.Extensions.Configuration;
using QbConnector.Engine.Autostart;
using QbConnector.Engine.Diagnostics;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Uninstall;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Sessions.Tracing;
using Serilog;

namespace QbConnector.Engine.Cli.Engine;

/// <summary><c>run</c>: the background connector, until stopped (Ctrl+C, SIGTERM, log-off).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var cloud = new Option<string?>("--cloud") { Description = "The cloud's gRPC address (overrides Cloud:Url)." };
        var backend = new Option<string?>("--backend") { Description = "QuickBooks backend: Auto, Com or Sandbox." };
        backend.AcceptOnlyFromAmong("Auto", "Com", "Sandbox");
        var trace = new Option<string?>("--qbxml-trace") { Description = "Write every qbXML request and response to this folder." };
        var latency = new Option<string?>("--sandbox-latency") { Description = "The sandbox's latency profile: none, demo (a tenth of realistic) or realistic." };
        latency.AcceptOnlyFromAmong("none", "demo", "realistic");
        var pauseAt = new Option<string?>("--pause-at") { Description = "Freeze at this pause point (NAME or NAME#N), for crash tests.", Hidden = true };
        var command = new Command("run", "Runs the connector in the background: syncs linked company files with the cloud.") { dataDir, cloud, backend, trace, latency, pauseAt };
        command.SetAction(async (result, ct) =>
        {
            var data = CommonOptions.Resolve(result.GetValue(dataDir));
            data.EnsureExists();
            var options = LoadOptions(data, result.GetValue(cloud), result.GetValue(backend), result.GetValue(trace), result.GetValue(latency));
            options.Diagnostics.PauseAt = result.GetValue(pauseAt) ?? options.Diagnostics.PauseAt;
            try
            {
                PausePoints.Configure(options.Diagnostics.PauseAt, Console.Out);
            }
            catch (ArgumentException ex)
            {
                result.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 2;
            }

            var log = EngineLogging.Configure(new LoggerConfiguration(), data, console: true).CreateLogger();
            Log.Logger = log;
            var uninstall = false;
            var restartForUpdate = false;
            try
            {
                var chosen = QbSessionFactory.Resolve(Enum.Parse<QbBackend>(options.QuickBooks.Backend, ignoreCase: true));
                var profile = SandboxLatency.Named(options.QuickBooks.SandboxLatency) ?? SandboxLatency.None;
                Func<IQbSession> sessions = () => QbSessionFactory.Create(
                    chosen,
                    () => new SandboxQbSession(new SandboxSessionOptions { Latency = profile }),
                    new QbTraceOptions { Directory = options.QuickBooks.QbXmlTrace });
                // SIGTERM (log-off, service stop) and Ctrl+C end the engine gracefully: pages in flight reach the outbox.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
                using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
                await using (var host = await EngineHost.StartAsync(data, options, sessions, log, ct: stop.Token))
                {
                    result.InvocationConfiguration.Output.WriteLine($"engine running data={data.Root} quickbooks={chosen}");
                    await Task.WhenAny(Task.Delay(Timeout.Infinite, stop.Token), host.StopRequested, host.RestartForUpdate).ContinueWith(_ => { }, TaskScheduler.Default);
                    restartForUpdate = host.RestartForUpdate.IsCompleted;
                    uninstall = !restartForUpdate && host.UninstallRequested;
                    log.Information(restartForUpdate ? "Stopping the engine to restart into the update" : uninstall ? "Stopping the engine: the one-time run is over" : "Stopping the engine");
                }
            }
            catch (Exception ex) when (ex is EngineAlreadyRunningException or QbSdkException or IOException or Persistence.Sqlite.JournalStorageException or Outbox.OutboxStorageException)
            {
                log.Error(ex, "The engine could not start");
                result.InvocationConfiguration.Error.WriteLine(ex.Message);
                await log.DisposeAsync();
                return 1;
            }

            // The log is closed before the data folder (and the log with it, unless kept) goes.
            await log.DisposeAsync();
            if (restartForUpdate)
            {
                // Stopped as gracefully as on SIGTERM; the launcher now starts the new version.
                return Updates.Layout.InstallLayout.RestartForUpdateExitCode;
            }

            if (uninstall)
            {
                var report = SelfUninstaller.Run(data, options.Uninstall, Autostarts.ForThisPlatform(options.Autostart));
                var output = result.InvocationConfiguration.Output;
                output.WriteLine("The one-time sync is complete: the connector has removed itself from this PC.");
                output.WriteLine(report.Registration.Message);
                output.WriteLine(report.Kept.Count == 0 ? $"Deleted {data.Root}." : $"Deleted {data.Root} except {string.Join(", ", report.Kept)}.");
                if (report.InstallFolder is { } folder)
                {
                    output.WriteLine($"{folder} is deleted as soon as this program has exited.");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>The configuration of the engine for this data folder (engine.json, then QBCONNECTOR_ variables).</summary>
    internal static EngineOptions LoadOptions(DataDirectory data) => LoadOptions(data, null, null, null, null);

    private static EngineOptions LoadOptions(DataDirectory data, string? cloud, string? backend, string? trace, string? latency)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(data.ConfigFile, optional: true)
            .AddEnvironmentVariables("QBCONNECTOR_")
            .Build();
        var options = new EngineOptions();
        configuration.Bind(options);
        options.Cloud.Url = cloud ?? options.Cloud.Url;
        options.QuickBooks.Backend = backend ?? options.QuickBooks.Backend;
        options.QuickBooks.QbXmlTrace = trace ?? options.QuickBooks.QbXmlTrace;
        options.QuickBooks.SandboxLatency = latency ?? options.QuickBooks.SandboxLatency;
        return options;
    }
}
