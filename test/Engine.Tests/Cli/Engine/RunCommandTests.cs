using System.Text.Json;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.Cli.Engine;

/// <summary>The <c>run</c> verb as the real background process.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qbconnector-run-").FullName;

    [Fact]
    public async Task The_engine_answers_status_and_stops_cleanly_on_SIGTERM()
    {
        await using var engine = await EngineProcess.StartAsync(new EngineProcessOptions { DataDirectory = Path.Combine(_dir, "data"), CloudUrl = "http://127.0.0.1:9" });

        var status = await engine.StatusAsync();
        status.GetProperty("companies").GetArrayLength().Should().Be(0);
        status.GetProperty("version").GetString().Should().NotBeNullOrEmpty();

        (await engine.StopAsync()).Should().Be(0);
        engine.Output.Should().Contain(l => l.Contains("Stopping the engine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_engine_on_the_same_data_folder_refuses_to_start_and_says_why()
    {
        var data = Path.Combine(_dir, "data");
        await using var engine = await EngineProcess.StartAsync(new EngineProcessOptions { DataDirectory = data, CloudUrl = "http://127.0.0.1:9" });

        var second = await EngineProcess.RunCliAsync(["run", "--data-dir", data, "--backend", "Sandbox", "--cloud", "http://127.0.0.1:9"]);

        second.ExitCode.Should().NotBe(0);
        second.Output.Should().ContainEquivalentOf("already running");
        (await engine.StatusAsync()).ValueKind.Should().Be(JsonValueKind.Object, "the first engine is untouched");
    }

    [Fact]
    public async Task A_malformed_pause_point_is_a_clear_error()
    {
        var result = await EngineProcess.RunCliAsync(["run", "--data-dir", Path.Combine(_dir, "data"), "--pause-at", "page.fetched#0"]);

        result.ExitCode.Should().Be(2);
        result.Output.Should().Contain("NAME#N");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the temp folder is cleaned eventually.
        }
    }
}
