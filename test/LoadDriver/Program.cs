using System.Diagnostics;
using System.Globalization;
using System.Text;
using QbConnector.QbGateway.Sandbox.Latency;
using QbConnector.TestSupport.Processes;
using QbConnector.TestSupport.Programs;

namespace QbConnector.LoadDriver;

/// <summary>
/// End-to-end load: each scenario runs the real engine and cloud emulator on loopback beside its
/// limit (the same qbXML sent straight to the sandbox), and prints one table, also written into
/// docs/benchmarks.md. <c>--quick</c> picks sizes that finish in a few minutes.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var write = !args.Contains("--no-docs");
        var sizes = quick ? Sizes.Quick : Sizes.Full;
        // --only realistic,none,memory,many runs a subset (to repeat one scenario); the table then holds only those rows.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["realistic", "none", "memory", "many"];
        var rows = new List<Row>();
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"Load driver ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, {Machine()}");

        if (only.Contains("realistic"))
        {
            await Run(rows, () => Scenarios.OneCompanyAsync(sizes.RealisticRecords, "realistic", SandboxLatency.Realistic));
        }

        if (only.Contains("none"))
        {
            await Run(rows, () => Scenarios.OneCompanyAsync(sizes.ZeroLatencyRecords, "none", SandboxLatency.None));
        }

        if (only.Contains("memory"))
        {
            await Run(rows, () => Scenarios.MemoryAsync(sizes.MemorySmall, sizes.MemoryLarge));
        }

        if (only.Contains("many"))
        {
            await Run(rows, () => Scenarios.ManyCompaniesAsync(sizes.Companies, sizes.RecordsPerCompany, sizes.Idle));
        }

        rows.Add(new Row("a push queued behind 10 long syncs", "push completion p50/p95", "not measured", "p95 ≤ one page + one file switch", "the driver has no push scenario yet"));
        rows.Add(new Row("SIGKILL during a first sync, then restart", "records re-fetched; duplicates", "see Engine.Tests EndToEnd CrashTests", "≤ one window; 0", "asserted by the crash tests, not timed here"));

        var table = Table(rows);
        Console.WriteLine();
        Console.WriteLine(table);
        if (write)
        {
            var command = quick ? "./build.sh bench-quick" : "./build.sh bench";
            WriteDocs(table, command, started, DateTimeOffset.UtcNow - started);
        }

        return rows.Any(r => r.Figure.StartsWith("failed", StringComparison.Ordinal)) ? 1 : 0;
    }

    private static async Task Run(List<Row> rows, Func<Task<IReadOnlyList<Row>>> scenario)
    {
        try
        {
            foreach (var row in await scenario())
            {
                Console.WriteLine($"  {row.Scenario} | {row.Measure} | {row.Figure}");
                rows.Add(row);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
        {
            Console.WriteLine($"  scenario failed: {ex.Message}");
            rows.Add(new Row("(scenario failed)", "", "failed: " + ex.Message.ReplaceLineEndings(" "), "", ""));
        }
    }

    private static string Table(IEnumerable<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | measure | figure | target | note |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.Measure} | {row.Figure} | {row.Target} | {row.Note} |");
        }

        return text.ToString();
    }

    private static void WriteDocs(string table, string command, DateTimeOffset started, TimeSpan took)
    {
        var path = Path.Combine(BuiltPrograms.RepoRoot, "docs", "benchmarks.md");
        var begin = "<!-- load-driver:begin -->";
        var end = "<!-- load-driver:end -->";
        var block = new StringBuilder()
            .AppendLine(begin)
            .AppendLine(CultureInfo.InvariantCulture, $"Latest run: `{command}` on {started:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:F1} min; {Environment.ProcessorCount} cores, {Machine()}, load average at start {LoadAverage()}.")
            .AppendLine()
            .Append(table)
            .AppendLine(end)
            .ToString();
        var text = File.ReadAllText(path);
        var at = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = at >= 0 && stop > at
            ? text[..at] + block.TrimEnd('\n', '\r') + text[(stop + end.Length)..]
            : text.TrimEnd() + Environment.NewLine + Environment.NewLine + "## End to end" + Environment.NewLine + Environment.NewLine + block;
        File.WriteAllText(path, text);
        Console.WriteLine($"Written to {path}");
    }

    internal static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        return $"{model ?? "unknown CPU"}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

internal sealed record Row(string Scenario, string Measure, string Figure, string Target, string Note);

internal sealed record Sizes(int RealisticRecords, int ZeroLatencyRecords, int MemorySmall, int MemoryLarge, int Companies, int RecordsPerCompany, TimeSpan Idle)
{
    public static Sizes Quick { get; } = new(1_000, 20_000, 5_000, 20_000, 5, 300, TimeSpan.FromSeconds(30));

    public static Sizes Full { get; } = new(20_000, 200_000, 100_000, 200_000, 10, 2_000, TimeSpan.FromSeconds(60));
}
