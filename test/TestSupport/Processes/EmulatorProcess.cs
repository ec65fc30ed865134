using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using QbConnector.TestSupport.Programs;

namespace QbConnector.TestSupport.Processes;

/// <summary>The cloud emulator as a real process on loopback, with a client for its REST API.</summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private EmulatorProcess(ChildProcess process, string dataDirectory, int grpcPort, int httpPort)
    {
        _process = process;
        DataDirectory = dataDirectory;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
    }

    /// <summary>The emulator's process id (for CPU and memory figures).</summary>
    public int Id => _process.Id;

    public string DataDirectory { get; }

    /// <summary>Where <c>GET /updates/{file}</c> serves update packages from.</summary>
    public string UpdatesDirectory => Path.Combine(DataDirectory, "updates");

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";

    public HttpClient Http { get; }

    /// <summary>Everything the emulator printed so far.</summary>
    public IReadOnlyCollection<string> Output => _process.Output;

    public static async Task<EmulatorProcess> StartAsync(string dataDirectory, int grpcPort = 0)
    {
        var process = ChildProcess.Start("dotnet", [BuiltPrograms.CloudEmulator, "--grpc-port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", "0", "--data", dataDirectory]);
        var line = await process.WaitForLineAsync(l => Listening().IsMatch(l), TimeSpan.FromSeconds(60));
        var match = Listening().Match(line);
        return new EmulatorProcess(process, dataDirectory, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Creates a company and returns its id (the licence key).</summary>
    public async Task<string> CreateCompanyAsync(string name, string region = "US")
    {
        using var response = await Http.PostAsJsonAsync("companies", new { name, region });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }

    [GeneratedRegex(@"listening grpc=(\d+) http=(\d+)")]
    private static partial Regex Listening();
}
