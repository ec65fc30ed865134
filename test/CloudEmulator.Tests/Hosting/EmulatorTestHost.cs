using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.CloudEmulator.Hosting;
using QbConnector.CloudEmulator.Store;
using Serilog;

namespace QbConnector.CloudEmulator.Tests.Hosting;

/// <summary>The emulator started in-process on free loopback ports over a temporary data folder.</summary>
internal sealed class EmulatorTestHost : IAsyncDisposable
{
    private readonly bool _ownsDirectory;

    private EmulatorTestHost(EmulatorApp app, string dataDirectory, bool ownsDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.HttpPort}") };
    }

    public EmulatorApp App { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    internal EmulatorServices Services => App.Services;

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public static async Task<EmulatorTestHost> StartAsync(string? dataDirectory = null, TimeProvider? time = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("cloud-emulator-tests-").FullName;
        var log = new LoggerConfiguration().MinimumLevel.Warning().CreateLogger();
        var app = await EmulatorApp.StartAsync(new EmulatorOptions(0, 0, dataDirectory), log, time);
        return new EmulatorTestHost(app, dataDirectory, owns);
    }

    /// <summary>Stops the emulator but keeps its data folder, for a restart on the same data.</summary>
    public async Task StopAsync()
    {
        Http.Dispose();
        await App.StopAsync();
    }

    public async Task<string> CreateCompanyAsync(string name = "Rock Castle Construction", string region = "us")
    {
        using var response = await Http.PostAsJsonAsync("/companies", new { name, region });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
