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
        World.Keep = args.Contains("--keep");
        var sizes = quick ? Sizes.Quick : Sizes.Full;
        // --only realistic,none,memory,many,idle,push,crash runs a subset (to repeat one scenario); the table then holds only those rows.
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["realistic", "none", "memory", "many", "idle", "push", "crash"];
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
            await Run(rows, () => Scenarios.ManyCompaniesAsync(sizes.Companies, sizes.RecordsPerCompany));
        }

        if (only.Contains("idle"))
        {
            await Run(rows, () => Scenarios.IdleAndColdStartAsync(sizes.IdleCompanies, sizes.RecordsPerCompany, sizes.Idle));
        }

        if (only.Contains("push"))
        {
            await Run(rows, () => PushLatency.RunAsync(sizes.PushCompanies, sizes.PushScale, sizes.Pushes));
        }

        if (only.Contains("crash"))
        {
            await Run(rows, () => CrashRestart.RunAsync(sizes.CrashRecords));
        }

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

/// <summary>
/// Scenario sizes. Sizes are the sandbox generator's scale: a file of scale N holds about N
/// records (20,000 gave 19,859); each row reports the records measured.
/// </summary>
internal sealed record Sizes(
    int RealisticRecords,
    int ZeroLatencyRecords,
    int MemorySmall,
    int MemoryLarge,
    int Companies,
    int RecordsPerCompany,
    int IdleCompanies,
    TimeSpan Idle,
    int PushCompanies,
    int PushScale,
    int Pushes,
    int CrashRecords)
{
    public static Sizes Quick { get; } = new(
        RealisticRecords: 1_000,
        ZeroLatencyRecords: 20_000,
        MemorySmall: 5_000,
        MemoryLarge: 20_000,
        Companies: 5,
        RecordsPerCompany: 300,
        IdleCompanies: 5,
        Idle: TimeSpan.FromSeconds(30),
        PushCompanies: 3,
        PushScale: 2_000,
        Pushes: 5,
        CrashRecords: 20_000);

    /// <summary>The issue's sizes: 200 k one company, 100 k vs 1 M, 50 × 2 k, 10 linked companies, 20 pushes behind 10 syncs.</summary>
    public static Sizes Full { get; } = new(
        RealisticRecords: 200_000,
        ZeroLatencyRecords: 200_000,
        MemorySmall: 100_000,
        MemoryLarge: 1_000_000,
        Companies: 50,
        RecordsPerCompany: 2_000,
        IdleCompanies: 10,
        Idle: TimeSpan.FromSeconds(60),
        PushCompanies: 10,
        // Long syncs: a full sync of this scale is about 6 minutes of QuickBooks' time in the
        // realistic profile, so all ten still run when the last push ends (the row says so). At 10 k
        // each sync took about 40 s, shorter than a quantum, so the gateway opened another company's
        // file for scheduled work about once a minute: short syncs, not long ones.
        PushScale: 100_000,
        Pushes: 20,
        CrashRecords: 200_000);
}
