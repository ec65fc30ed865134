using System.Diagnostics;
using System.Globalization;
using QbConnector.QbGateway.Sandbox.Latency;

namespace QbConnector.LoadDriver;

/// <summary>The scenarios of the load table, each measured beside its limit in the same run.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromMinutes(60);

    /// <summary>
    /// One company: a traced run without latency gives the connector's exact qbXML sequence; its
    /// replay against the sandbox with the profile is the limit; then a clean run (no trace) is the connector.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> OneCompanyAsync(int scale, string latencyName, SandboxLatency latency)
    {
        var size = $"one company, {scale:N0} scale, latency {latencyName}";
        Console.WriteLine($"{size}: generating, tracing, replaying, running");
        var trace = await TraceAsync(scale);
        var limit = TraceReplay.Run(trace.Directory, trace.File, latency);

        await using var world = await World.StartAsync("one-" + latencyName);
        var file = world.CompanyFile("company", scale);
        var engine = await world.StartEngineAsync(latencyName);
        // From the link's answer: linking (the CLI's start, QuickBooks' authorisation and the file's opening) is not the sync.
        var key = await world.LinkAsync(file, "Company");
        var cpuBefore = ProcessMeter.CpuTime(engine.Id);
        var cloudCpuBefore = ProcessMeter.CpuTime(world.Emulator.Id);
        var clock = Stopwatch.StartNew();
        var records = await world.WaitForSyncAsync([key], SyncTimeout);
        var elapsed = clock.Elapsed;
        var cpu = ProcessMeter.CpuTime(engine.Id) - cpuBefore;
        var cloudCpu = ProcessMeter.CpuTime(world.Emulator.Id) - cloudCpuBefore;
        var peak = ProcessMeter.PeakWorkingSet(engine.Id);
        var ratio = elapsed / limit.Elapsed;
        var rows = new List<Row>
        {
            new(size, "connector time / limit time", $"{ratio:F2} ({elapsed.TotalSeconds:F1} s / {limit.Elapsed.TotalSeconds:F1} s)", latencyName == "realistic" ? "≤ 1.05" : "report", $"{records:N0} records, {limit.Requests:N0} requests; time from the link's answer to the cloud holding every dataset complete"),
        };
        if (latencyName == "none")
        {
            rows.Add(new(size, "records per second end to end", $"{records / elapsed.TotalSeconds:N0} records/s (limit {records / limit.Elapsed.TotalSeconds:N0}/s)", "≥ 10,000", "sandbox QuickBooks runs inside the engine process here, so its CPU counts in the engine's"));
            rows.Add(new(size, "engine CPU per record", $"{cpu.TotalMicroseconds / Math.Max(records, 1):N0} µs ({cpu.TotalSeconds:F1} s CPU)", "report", $"peak working set {peak / (1024.0 * 1024.0):N0} MB; the limit's sandbox alone: {limit.Elapsed.TotalMicroseconds / Math.Max(records, 1):N0} µs per record"));
            rows.Add(new(size, "cloud emulator CPU per record", $"{cloudCpu.TotalMicroseconds / Math.Max(records, 1):N0} µs ({cloudCpu.TotalSeconds:F1} s CPU)", "report", "the cloud's stand-in shares the 2 cores here; in production it runs elsewhere"));
        }

        Directory.Delete(trace.Root, recursive: true);
        return rows;
    }

    /// <summary>Peak working set (VmHWM) of a fresh engine syncing a small and a large company file without latency.</summary>
    public static async Task<IReadOnlyList<Row>> MemoryAsync(int small, int large)
    {
        var peaks = new List<(int Scale, long Records, long Peak)>();
        foreach (var scale in new[] { small, large })
        {
            Console.WriteLine($"memory: one company, {scale:N0} scale");
            await using var world = await World.StartAsync("memory");
            var file = world.CompanyFile("company", scale);
            var engine = await world.StartEngineAsync("none");
            var key = await world.LinkAsync(file, "Company");
            var records = await world.WaitForSyncAsync([key], SyncTimeout);
            peaks.Add((scale, records, ProcessMeter.PeakWorkingSet(engine.Id)));
        }

        var growth = (double)peaks[1].Peak / peaks[0].Peak - 1;
        return
        [
            new($"one company, {peaks[1].Records:N0} records vs {peaks[0].Records:N0}", "peak working set of the engine", $"{Mb(peaks[1].Peak)} vs {Mb(peaks[0].Peak)} ({growth:+0%;-0%})", "≤ 300 MB; large within 20 % of small", "VmHWM of the engine process, sandbox QuickBooks included"),
        ];
    }

    /// <summary>
    /// Several companies already linked (first sync done without latency), the engine restarted with
    /// the realistic profile, and a full sync of every data type queued in the cloud for all of them at once.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> ManyCompaniesAsync(int companies, int scale)
    {
        var size = $"{companies} companies × {scale:N0} scale, realistic latency, full sync of all at once";
        Console.WriteLine($"{size}: tracing one company, replaying, linking, running");
        var trace = await TraceAsync(scale, thenFullSync: true);
        var one = TraceReplay.Run(trace.Directory, trace.File, SandboxLatency.Realistic, skip: trace.Skip);
        var limit = (one.Elapsed * companies) + (SandboxLatency.Realistic.OpenCompanyFile * companies);
        Directory.Delete(trace.Root, recursive: true);

        await using var world = await World.StartAsync("many");
        var keys = await LinkAllAsync(world, companies, scale);
        await world.Engine!.StopAsync();
        await world.Engine.DisposeAsync();
        await world.StartEngineAsync("realistic");
        var opensBefore = world.FileOpens();
        var clock = Stopwatch.StartNew();
        var queued = await world.QueueFullSyncAsync(keys);
        var records = await world.WaitForDatasetsAsync(queued, SyncTimeout);
        var elapsed = clock.Elapsed;
        var opens = world.FileOpens() - opensBefore;
        return
        [
            new(size, "connector time / (limit + one file open per company)", $"{elapsed / limit:F2} ({elapsed.TotalSeconds:F0} s / {limit.TotalSeconds:F0} s); file opens {opens}", $"≤ 1.10; opens = {companies}", $"{records:N0} records; limit is one company's traced full sync ({one.Requests} requests) replayed × {companies} (the files are alike) plus {companies} opens of {SandboxLatency.Realistic.OpenCompanyFile.TotalSeconds:F0} s"),
        ];
    }

    /// <summary>
    /// Companies linked and their first syncs done, then the engine that synced them idling; then its
    /// cold start to ready on that data folder, and the restarted engine idling too.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> IdleAndColdStartAsync(int companies, int scale, TimeSpan idle)
    {
        Console.WriteLine($"{companies} linked companies × {scale:N0} scale: linking, idling {idle.TotalSeconds:F0} s, cold start, idling again");
        await using var world = await World.StartAsync("idle");
        await LinkAllAsync(world, companies, scale);
        var afterSyncs = await IdleAsync(world.Engine!, idle);
        await world.Engine!.StopAsync();
        await world.Engine.DisposeAsync();

        // Cold start: the same data folder, companies linked, until the engine says it runs.
        var start = Stopwatch.StartNew();
        var engine = await world.StartEngineAsync("none");
        var ready = start.Elapsed;
        var afterRestart = await IdleAsync(engine, idle);
        return
        [
            new($"{companies} linked companies, idle {idle.TotalSeconds:F0} s", "engine CPU; working set", $"{afterSyncs.Share:P2} of one core ({afterSyncs.Cpu.TotalMilliseconds:F0} ms CPU); {Mb(afterSyncs.WorkingSet)}", "< 1 %; ≤ 150 MB", $"the engine that ran the {companies} first syncs ({scale:N0} scale each), past the gateway's idle timeout; restarted on the same folder: {afterRestart.Share:P2}, {Mb(afterRestart.WorkingSet)}; sandbox QuickBooks inside the engine"),
            new($"cold start, {companies} companies linked", "seconds to ready", $"{ready.TotalSeconds:F2} s", "≤ 2 s", "process start to 'engine running' (journal recovered, control API up), dotnet host start-up included"),
        ];
    }

    private static async Task<(double Share, TimeSpan Cpu, long WorkingSet)> IdleAsync(TestSupport.Processes.EngineProcess engine, TimeSpan idle)
    {
        // Past the gateway's idle timeout, so QuickBooks is released and nothing is left to do.
        await Task.Delay(TimeSpan.FromSeconds(35));
        var cpuBefore = ProcessMeter.CpuTime(engine.Id);
        var clock = Stopwatch.StartNew();
        await Task.Delay(idle);
        var cpu = ProcessMeter.CpuTime(engine.Id) - cpuBefore;
        return (cpu / clock.Elapsed, cpu, ProcessMeter.WorkingSet(engine.Id));
    }

    /// <summary>Companies made of alike files, linked one after the other by an engine without latency, their first syncs awaited.</summary>
    internal static async Task<List<string>> LinkAllAsync(World world, int companies, int scale)
    {
        var files = Enumerable.Range(1, companies).Select(i => world.CompanyFile("company-" + i.ToString(CultureInfo.InvariantCulture), scale)).ToList();
        await world.StartEngineAsync("none");
        var keys = new List<string>();
        foreach (var file in files)
        {
            keys.Add(await world.LinkAsync(file, Path.GetFileNameWithoutExtension(file)));
        }

        await world.WaitForSyncAsync(keys, SyncTimeout);
        return keys;
    }

    /// <summary>A traced run; <paramref name="Skip"/> request files at its start belong to the link's first sync, not to the work to replay.</summary>
    private sealed record Trace(string Root, string Directory, string File, int Skip);

    /// <summary>
    /// A run without latency and with the qbXML trace on: the connector's exact request sequence for
    /// the file's first sync or, with <paramref name="thenFullSync"/>, for a full sync queued after it
    /// (reconciling every id as well), the work the many-companies scenario times.
    /// </summary>
    private static async Task<Trace> TraceAsync(int scale, bool thenFullSync = false)
    {
        var world = await World.StartAsync("trace");
        var keep = Directory.CreateTempSubdirectory("qbconnector-trace-").FullName;
        var file = world.CompanyFile("company", scale);
        var traceDir = Path.Combine(keep, "trace");
        await world.StartEngineAsync("none", traceDir);
        var key = await world.LinkAsync(file, "Company");
        await world.WaitForSyncAsync([key], SyncTimeout);
        var skip = 0;
        if (thenFullSync)
        {
            skip = TraceReplay.RequestCount(traceDir);
            await world.WaitForDatasetsAsync(await world.QueueFullSyncAsync([key]), SyncTimeout);
        }

        await world.Engine!.StopAsync();
        var copy = Path.Combine(keep, "company.qbw");
        File.Copy(file, copy);
        await world.DisposeAsync();
        return new Trace(keep, traceDir, copy, skip);
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MB";
}
