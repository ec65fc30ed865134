using System.Text.RegularExpressions;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>
/// The real cloud emulator as a child process on free loopback ports over a temporary data folder
/// (the built assembly when present, else <c>dotnet run</c>).
/// </summary>
internal sealed partial class CloudEmulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private CloudEmulatorProcess(ChildProcess process, string dataDirectory, int httpPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public string DataDirectory { get; }

    public string UpdatesDirectory => Path.Combine(DataDirectory, "updates");

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public static async Task<CloudEmulatorProcess> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("qbconnector-cloud-").FullName;
        var root = RepoRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(root, "src", "CloudEmulator", "bin", configuration, "net10.0", "QbConnector.CloudEmulator.dll");
        string[] emulatorArgs = ["--grpc-port", "0", "--http-port", "0", "--data", data];
        var process = File.Exists(dll)
            ? ChildProcess.Start("dotnet", [dll, .. emulatorArgs], root)
            : ChildProcess.Start("dotnet", ["run", "-c", configuration, "--project", Path.Combine(root, "src", "CloudEmulator"), "--", .. emulatorArgs], root);
        var line = await process.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), TimeSpan.FromMinutes(3));
        var port = int.Parse(HttpPortPattern().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new CloudEmulatorProcess(process, data, port);
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("No Engine.sln above the test assembly.");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"http=(\d+)")]
    private static partial Regex HttpPortPattern();
}
