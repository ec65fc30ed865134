using System.Globalization;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Layout;
using Serilog;

namespace QbConnector.Launcher.Tests.Worker;

/// <summary>
/// Run as <c>dotnet QbConnector.Launcher.Tests.dll MODE …</c>, the test assembly is the process
/// the tests kill with SIGKILL part way: <c>download</c> fetches an update slowly, <c>switch</c>
/// moves the pointer back and forth for ever.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "download" when args.Length == 9:
                return await DownloadAsync(args);
            case "switch" when args.Length == 2:
                return Switch(new InstallLayout(args[1]));
            default:
                await Console.Error.WriteLineAsync("usage: download ROOT CURRENT KEY VERSION URL SHA256 SIGNATURE RATE | switch ROOT");
                return 2;
        }
    }

    private static async Task<int> DownloadAsync(string[] args)
    {
        var options = new UpdateOptions
        {
            InstallRoot = args[1],
            CurrentVersion = args[2],
            SigningPublicKey = args[3],
            MaxBytesPerSecond = long.Parse(args[8], CultureInfo.InvariantCulture),
        };
        using var http = new HttpClient();
        await using var manager = new UpdateManager(options, http, new LoggerConfiguration().CreateLogger());
        manager.StatusChanged += (_, status) => Console.WriteLine($"{status.State} {status.BytesReceived}");
        var decision = await manager.OnUpdateAvailableAsync(new UpdateAnnouncement(args[4], args[5], args[6], Convert.FromBase64String(args[7])), CancellationToken.None);
        if (!decision.Accepted)
        {
            Console.WriteLine($"refused {decision.Reason}");
            return 1;
        }

        await manager.WhenIdleAsync();
        Console.WriteLine($"done {manager.Status.State}");
        return 0;
    }

    private static int Switch(InstallLayout layout)
    {
        for (var i = 0; ; i++)
        {
            var (candidate, previous) = i % 2 == 0 ? ("1.1.0", "1.0.0") : ("1.0.0", "1.1.0");
            layout.SwitchOnTrial(candidate, previous);
            if (i % 50 == 0)
            {
                Console.WriteLine($"switched {i}");
            }
        }
    }
}
