using System.Text.Json;
using QbConnector.TestSupport.Programs;

namespace QbConnector.TestSupport.Processes;

/// <summary>
/// The engine's <c>run</c> verb as a real process over the sandbox QuickBooks, plus its other
/// verbs as one-shot CLI runs: what the person (or a script) does on the PC.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private EngineProcess(ChildProcess process, EngineProcessOptions options)
    {
        _process = process;
        Options = options;
    }

    public EngineProcessOptions Options { get; }

    public string DataDirectory => Options.DataDirectory;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the engine printed so far (its console log included).</summary>
    public IReadOnlyCollection<string> Output => _process.Output;

    /// <summary>Starts <c>run</c> and waits until the engine says it is running.</summary>
    public static async Task<EngineProcess> StartAsync(EngineProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var arguments = new List<string> { BuiltPrograms.Engine, "run", "--data-dir", options.DataDirectory, "--backend", "Sandbox", "--sandbox-latency", options.SandboxLatency };
        if (options.CloudUrl is { } cloud)
        {
            arguments.AddRange(["--cloud", cloud]);
        }

        if (options.QbXmlTrace is { } trace)
        {
            arguments.AddRange(["--qbxml-trace", trace]);
        }

        if (options.PauseAt is { } pauseAt)
        {
            arguments.AddRange(["--pause-at", pauseAt]);
        }

        var process = ChildProcess.Start("dotnet", arguments, BuiltPrograms.RepoRoot, options.Environment);
        try
        {
            await process.WaitForLineAsync(l => l.StartsWith("engine running", StringComparison.Ordinal), options.StartTimeout);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new EngineProcess(process, options);
    }

    /// <summary>
    /// Runs one engine verb to its end (<c>sandbox create …</c>, <c>status --json</c>…) and returns
    /// its exit code and output. Add <c>--data-dir</c> yourself, or use <see cref="CliAsync"/>.
    /// </summary>
    public static async Task<CliResult> RunCliAsync(IEnumerable<string> arguments, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        await using var process = ChildProcess.Start("dotnet", [BuiltPrograms.Engine, .. arguments], BuiltPrograms.RepoRoot, environment);
        // Waiting for the exit also waits for the redirected output to be read to its end.
        var exitCode = await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return new CliResult(exitCode, string.Join('\n', process.Output));
    }

    /// <summary>Runs one verb against this engine's data folder (<c>status</c>, <c>sync</c>, <c>link</c>…).</summary>
    public Task<CliResult> CliAsync(params string[] arguments) => RunCliAsync([.. arguments, "--data-dir", DataDirectory]);

    /// <summary>The engine's <c>status --json</c>, parsed.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        var result = await CliAsync("status", "--json");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"status failed with {result.ExitCode}: {result.Output}");
        }

        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.Clone();
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) => _process.WaitForLineAsync(match, timeout);

    /// <summary>Waits until the engine froze at its configured pause point.</summary>
    public Task WaitForPauseAsync(TimeSpan timeout) =>
        _process.WaitForLineAsync(l => l.StartsWith("paused at ", StringComparison.Ordinal), timeout);

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM, as at log-off: the engine stops gracefully; returns its exit code.</summary>
    public Task<int> StopAsync(TimeSpan? timeout = null) => _process.TerminateAsync(timeout ?? TimeSpan.FromSeconds(30));

    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

/// <summary>What a one-shot CLI run printed and how it ended.</summary>
public sealed record CliResult(int ExitCode, string Output);
