using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Launch;
using QbConnector.TrayUi.Tray;
using Serilog;

namespace QbConnector.TrayUi;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = CommandLine.Parse(args);
        if (command is null)
        {
            await Console.Error.WriteLineAsync(CommandLine.Usage);
            return 2;
        }

        command.Data.EnsureExists();
        using var log = new LoggerConfiguration()
            .WriteTo.File(Path.Combine(command.Data.LogsFolder, "tray-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        switch (command.Verb)
        {
            case "open":
                var uri = await DashboardLauncher.FindOrStartAsync(command.Data, stop.Token);
                Console.WriteLine(uri);
                if (command.OpenBrowser)
                {
                    DashboardLauncher.OpenInBrowser(uri);
                }

                return 0;
            case "tray" when OperatingSystem.IsWindows():
                await using (var server = await DashboardServer.StartAsync(command.Data, TimeProvider.System, log, ct: stop.Token))
                {
                    await TrayApp.RunAsync(server, command.Data, TimeProvider.System, log, stop.Token);
                }

                return 0;
            default:
                if (command.Verb == "tray")
                {
                    await Console.Error.WriteLineAsync("The tray icon is for Windows; serving the dashboard instead.");
                }

                await using (var server = await DashboardServer.StartAsync(command.Data, TimeProvider.System, log, ct: stop.Token))
                {
                    if (!command.Detached)
                    {
                        Console.WriteLine($"Dashboard: {server.OpenUri()}");
                        Console.WriteLine("Press Ctrl+C to stop.");
                    }

                    try
                    {
                        await server.WaitForShutdownAsync(stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C.
                    }
                }

                return 0;
        }
    }
}
