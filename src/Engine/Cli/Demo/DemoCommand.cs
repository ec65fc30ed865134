using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.QbGateway.Sandbox.Simulator;
using Serilog;
using Spectre.Console;

namespace QbConnector.Engine.Cli.Demo;

/// <summary>
/// <c>demo</c>: the connector syncing three sandbox company files to a local cloud emulator,
/// with live progress per company and a summary read back from the emulator.
/// </summary>
internal static partial class DemoCommand
{
    private static readonly (string Name, int Scale)[] Companies = [("Rock Castle Construction", 300), ("Larry's Landscaping", 1_200), ("Northwind Traders", 5_000)];

    public static Command Create()
    {
        var keep = new Option<bool>("--keep-running") { Description = "Leave the emulator and the engine running until Ctrl+C." };
        var latency = new Option<string>("--latency") { Description = "Sandbox latency: demo (default: QuickBooks' shape, a tenth of its cost), realistic (minutes) or none.", DefaultValueFactory = _ => "demo" };
        latency.AcceptOnlyFromAmong("demo", "realistic", "none");
        var command = new Command("demo", "Runs the connector against sandbox company files and a local cloud emulator.") { keep, latency };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await RunAsync(result.GetValue(keep), result.GetValue(latency)!, ct);
            }
            catch (Exception ex) when (ex is DemoException or IOException or HttpRequestException or ControlException or TimeoutException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]The demo failed:[/] {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(bool keepRunning, string latencyName, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "qbconnector-demo-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        var data = new DataDirectory(Path.Combine(root, "engine"));
        data.EnsureExists();
        await using var log = EngineLogging.Configure(new LoggerConfiguration(), data, console: false).CreateLogger();

        AnsiConsole.MarkupLine("[bold]QuickBooks Desktop connector demo[/]");
        using var emulator = StartEmulator(Path.Combine(root, "cloud"));
        var (grpcPort, httpPort) = await WaitForPortsAsync(emulator, ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        AnsiConsole.MarkupLine($"Cloud emulator on http://127.0.0.1:{httpPort}/ (gRPC {grpcPort})");

        var files = new List<(string Name, string File, string Key)>();
        foreach (var (name, scale) in Companies)
        {
            var file = Path.Combine(root, Slug().Replace(name, "-") + ".qbw");
            var generated = CompanyGenerator.Generate(file, new GenerationOptions { Seed = scale, Scale = scale, CompanyName = name });
            using var created = await http.PostAsJsonAsync("companies", new { name, region = "US" }, ct);
            created.EnsureSuccessStatusCode();
            var key = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
            files.Add((name, file, key));
            AnsiConsole.MarkupLineInterpolated($"Sandbox company file [blue]{name}[/]: {generated.Records:N0} records");
        }

        var options = new EngineOptions();
        options.Cloud.Url = $"http://127.0.0.1:{grpcPort}";
        var profile = SandboxLatency.Named(latencyName) ?? SandboxLatency.Demo;
        await using var engine = await EngineHost.StartAsync(data, options, () => new SandboxQbSession(new SandboxSessionOptions { Latency = profile }), log, ct: ct);
        using var control = new ControlClient(data);
        foreach (var (_, file, key) in files)
        {
            await control.LinkAsync(new LinkCompanyRequest(key, file, "US"), ct);
        }

        var clock = Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bars = files.ToDictionary(f => f.Key, f => progress.AddTask(f.Name, maxValue: 1));
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
                deadline.CancelAfter(TimeSpan.FromMinutes(20));
                while (bars.Values.Any(b => !b.IsFinished))
                {
                    foreach (var (_, _, key) in files)
                    {
                        var datasets = await http.GetFromJsonAsync<JsonElement>($"companies/{key}/datasets", deadline.Token);
                        var all = datasets.EnumerateArray().ToList();
                        var failed = all.FirstOrDefault(d => d.GetProperty("status").GetString() is "failed" or "Failed");
                        if (failed.ValueKind == JsonValueKind.Object)
                        {
                            throw new DemoException($"a dataset failed: {failed.GetProperty("error")}");
                        }

                        var done = all.Count(d => d.GetProperty("status").GetString() is "complete" or "Complete");
                        var records = all.Sum(d => d.GetProperty("recordsReceived").GetInt64());
                        var bar = bars[key];
                        bar.MaxValue = Math.Max(1, all.Count);
                        bar.Value = done;
                        bar.Description = $"{files.First(f => f.Key == key).Name}: {records:N0} records";
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
                }
            });
        var elapsed = clock.Elapsed;

        var table = new Table().AddColumns("Company", "Data type", "Records");
        long total = 0;
        foreach (var (name, _, key) in files)
        {
            var datasets = await http.GetFromJsonAsync<JsonElement>($"companies/{key}/datasets", ct);
            foreach (var dataset in datasets.EnumerateArray().OrderBy(d => d.GetProperty("dataType").GetString(), StringComparer.Ordinal))
            {
                var records = dataset.GetProperty("recordsReceived").GetInt64();
                total += records;
                table.AddRow(name, dataset.GetProperty("dataType").GetString()!, records.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[green]Every first-link dataset is complete:[/] {total:N0} records in {elapsed.TotalSeconds:N1} s ({total / Math.Max(elapsed.TotalSeconds, 0.001):N0} records/s, latency profile '{latencyName}').");
        AnsiConsole.MarkupLine($"Look at the cloud emulator's page: http://127.0.0.1:{httpPort}/");
        AnsiConsole.MarkupLine($"Engine logs: {data.LogsFolder}");
        if (keepRunning)
        {
            AnsiConsole.MarkupLine("Running until Ctrl+C.");
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (!emulator.HasExited)
        {
            emulator.Kill(entireProcessTree: true);
        }

        return 0;
    }

    private static Process StartEmulator(string dataDirectory)
    {
        var dll = FindEmulator();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--grpc-port", "0", "--http-port", "0", "--data", dataDirectory })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new DemoException("the cloud emulator did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int Grpc, int Http)> WaitForPortsAsync(Process emulator, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await emulator.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                // Keep reading its output, or a full pipe would stall it.
                _ = emulator.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        throw new DemoException("the cloud emulator exited before it was ready.");
    }

    private static string FindEmulator()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CloudEmulator", "bin", configuration, "net10.0", "QbConnector.CloudEmulator.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DemoException("the cloud emulator is not built; run ./build.sh demo from the repository.");
    }

    [GeneratedRegex(@"listening grpc=(\d+) http=(\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex Slug();

    private sealed class DemoException(string message) : Exception(message);
}
