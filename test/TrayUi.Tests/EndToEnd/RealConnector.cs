using System.Text.RegularExpressions;
using QbConnector.TestSupport.Processes;
using QbConnector.TestSupport.Programs;

namespace QbConnector.TrayUi.Tests.EndToEnd;

/// <summary>
/// The whole connector as the person meets it: the cloud emulator, the engine over sandbox
/// company files, and the dashboard, each a real process on loopback.
/// </summary>
internal sealed partial class RealConnector : IAsyncDisposable
{
    private readonly ChildProcess _dashboard;

    private RealConnector(string root, EmulatorProcess cloud, EngineProcess engine, ChildProcess dashboard, Uri dashboardUri)
    {
        Root = root;
        Cloud = cloud;
        Engine = engine;
        _dashboard = dashboard;
        DashboardUri = dashboardUri;
    }

    public string Root { get; }

    public EmulatorProcess Cloud { get; }

    public EngineProcess Engine { get; }

    /// <summary>The dashboard's address with its one-time sign-in token.</summary>
    public Uri DashboardUri { get; }

    public static async Task<RealConnector> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("qbconnector-ui-e2e-").FullName;
        var data = Path.Combine(root, "engine");
        var cloud = await EmulatorProcess.StartAsync(Path.Combine(root, "cloud"));
        EngineProcess? engine = null;
        ChildProcess? dashboard = null;
        try
        {
            engine = await EngineProcess.StartAsync(new EngineProcessOptions
            {
                DataDirectory = data,
                CloudUrl = cloud.GrpcUrl,

                // QuickBooks is handed back to the person soon after the work is done, as a test can then change its state.
                Environment = new Dictionary<string, string> { ["QBCONNECTOR_Gateway__Scheduler__IdleTimeout"] = "00:00:01" },
            });
            dashboard = ChildProcess.Start("dotnet", [BuiltPrograms.TrayUi, "serve", "--data-dir", data, "--no-browser"], BuiltPrograms.RepoRoot);
            var line = await dashboard.WaitForLineAsync(l => l.StartsWith("Dashboard: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            return new RealConnector(root, cloud, engine, dashboard, new Uri(line["Dashboard: ".Length..].Trim()));
        }
        catch
        {
            if (dashboard is not null)
            {
                await dashboard.DisposeAsync();
            }

            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            await cloud.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a sandbox company file (about <paramref name="scale"/> records) and returns its path.</summary>
    public async Task<string> CreateCompanyFileAsync(string name, int scale, string country = "US")
    {
        var path = Path.Combine(Root, SafeName().Replace(name, "-") + ".QBW");
        var result = await EngineProcess.RunCliAsync(["sandbox", "create", "--file", path, "--scale", scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--country", country, "--company-name", name]);
        return result.ExitCode == 0 ? path : throw new InvalidOperationException("sandbox create failed: " + result.Output);
    }

    /// <summary>Puts the sandbox QuickBooks of a company file in a state (<c>sandbox state --set</c>), as the person's actions would.</summary>
    public async Task SetQuickBooksStateAsync(string companyFile, string state)
    {
        var result = await EngineProcess.RunCliAsync(["sandbox", "state", "--file", companyFile, "--set", state]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("sandbox state failed: " + result.Output);
        }
    }

    /// <summary>Makes the sandbox QuickBooks of a company file take this many milliseconds more per request (<c>sandbox state --slow-ms</c>).</summary>
    public async Task SlowQuickBooksAsync(string companyFile, int millisecondsPerRequest)
    {
        var result = await EngineProcess.RunCliAsync(["sandbox", "state", "--file", companyFile, "--slow-ms", millisecondsPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("sandbox state failed: " + result.Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await Engine.DisposeAsync();
        await Cloud.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may hold a file for a moment after it was killed; temp folders are cleaned eventually.
        }
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex SafeName();
}
