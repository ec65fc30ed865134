using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.QbGateway.Sandbox.Latency;

namespace QbConnector.LoadDriver;

/// <summary>
/// Pushes queued in the cloud while every linked company runs a long sync under the realistic
/// profile: how long from the cloud's REST POST to the cloud holding the push's outcome.
/// </summary>
internal static class PushLatency
{
    private const int PageSize = 250; // the engine's Sync:PageSize

    /// <summary>
    /// Longest pause before each push (drawn uniformly, same seed every run): pushes arrive at any
    /// moment of the gateway's work (a page in flight, a file being opened), as people's do. A fixed
    /// pause would land every push at the same moment of the gateway's cycle.
    /// </summary>
    private static readonly TimeSpan MaxArrival = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan PushTimeout = TimeSpan.FromMinutes(5);

    public static async Task<IReadOnlyList<Row>> RunAsync(int companies, int scale, int pushes)
    {
        var size = $"a push queued behind {companies} long syncs ({companies} companies × {scale:N0} scale, realistic latency), {pushes} pushes";
        Console.WriteLine($"{size}: linking, queueing full syncs, pushing");
        await using var world = await World.StartAsync("push");
        var keys = await Scenarios.LinkAllAsync(world, companies, scale);
        await world.Engine!.StopAsync();
        await world.Engine.DisposeAsync();
        await world.StartEngineAsync("realistic");
        var queued = await world.QueueFullSyncAsync(keys);
        await world.WaitForAnyRecordsAsync(queued, TimeSpan.FromMinutes(5));

        // Round robin over the companies: each push is for another file than the one before, so
        // most find QuickBooks busy with another company's sync and pay a file switch.
        var arrivals = new Random(7);
        var times = new List<TimeSpan>();
        var pushIds = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pushes; i++)
        {
            await Task.Delay(MaxArrival * arrivals.NextDouble());
            var key = keys[i % keys.Count];
            var name = "Load push " + i.ToString(CultureInfo.InvariantCulture) + " " + Guid.NewGuid().ToString("N")[..8];
            var clock = Stopwatch.StartNew();
            var pushId = await QueueAsync(world, key, name);
            pushIds.Add(pushId);
            var status = await WaitForOutcomeAsync(world, key, pushId);
            times.Add(clock.Elapsed);
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            Console.WriteLine($"  push {i + 1}/{pushes} to company {i % keys.Count + 1}: {status} in {clock.Elapsed.TotalSeconds:F2} s");
        }

        var stillSyncing = await world.IncompleteCompaniesAsync(queued);
        var spans = EngineSpans(world.EngineLogLines(), pushIds);
        var opensWaited = spans.Values.GroupBy(s => s.Opens).ToDictionary(g => g.Key, g => g.Count());
        var latency = SandboxLatency.Realistic;
        var page = latency.PerRequest + (latency.PerRecord * PageSize);
        var target = page + latency.OpenCompanyFile;
        var ownWrite = latency.PerRequest + latency.PerWrite + latency.PerRecord;

        // Outside the engine: the cloud handing the push over, the outcome's way back, the GET's polling.
        var outside = pushIds.Select((id, i) => spans.TryGetValue(id, out var span) ? times[i] - span.Engine : (TimeSpan?)null).OfType<TimeSpan>().Order().ToList();
        var lessOwnWrite = times.Select(t => t - ownWrite).Order().ToList();
        times.Sort();
        var p50 = Percentile(times, 0.50);
        var p95 = Percentile(times, 0.95);
        return
        [
            new(
                size,
                "push completion p50 / p95",
                $"{p50.TotalSeconds:F1} s / {p95.TotalSeconds:F1} s (max {times[^1].TotalSeconds:F1} s); less the push's own write ({ownWrite.TotalSeconds:F2} s): p95 {Percentile(lessOwnWrite, 0.95).TotalSeconds:F1} s",
                $"p95 ≤ {target.TotalSeconds:F1} s (one page {page.TotalSeconds:F1} s + one file open {latency.OpenCompanyFile.TotalSeconds:F0} s)",
                $"customer adds, one after another round robin over the {companies} companies, each 0 to {MaxArrival.TotalSeconds:F0} s (uniform) after the previous outcome; from the REST POST to the push's GET showing its outcome (polled every {Poll.TotalMilliseconds:F0} ms); outcomes {string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}; the push's own write is QuickBooks' work (the profile's request, write and record costs); time outside the engine (the cloud handing the push over, the outcome back, polling) p95 {(outside.Count > 0 ? Percentile(outside, 0.95).TotalSeconds : double.NaN):F2} s; file opens finished while a push was in the engine (its own, or another company's already under way): {string.Join(", ", opensWaited.OrderBy(o => o.Key).Select(o => $"{o.Key} for {o.Value} pushes"))}; companies still syncing after the last push: {stillSyncing} of {companies}"),
        ];
    }

    private static async Task<string> QueueAsync(World world, string key, string name)
    {
        using var response = await world.Emulator.Http.PostAsJsonAsync($"companies/{key}/push/customers", new { Name = name });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"push refused by the cloud: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> WaitForOutcomeAsync(World world, string key, string pushId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = (await world.Emulator.GetJsonAsync($"companies/{key}/push/{pushId}")).GetProperty("status").GetString() ?? "";
            if (status != "pending")
            {
                return status;
            }

            if (deadline.Elapsed > PushTimeout)
            {
                throw new TimeoutException($"push {pushId} had no outcome within {PushTimeout}");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// For each push, from the engine's log: the time from accepting it to recording its outcome,
    /// and the file opens logged in between (an open is logged when it ends): 0 when its file was
    /// open, 1 for its own switch, 2 when it also waited for another company's file being opened.
    /// </summary>
    private static Dictionary<string, EngineSpan> EngineSpans(IReadOnlyList<string> log, IEnumerable<string> pushIds)
    {
        var spans = new Dictionary<string, EngineSpan>(StringComparer.Ordinal);
        foreach (var id in pushIds)
        {
            var accepted = IndexOf(log, "accepted push " + id, 0);
            var ended = accepted < 0 ? -1 : IndexOf(log, "push " + id + " ended", accepted);
            if (ended < 0)
            {
                continue;
            }

            var opens = log.Skip(accepted).Take(ended - accepted).Count(l => l.Contains("Began a QuickBooks session", StringComparison.Ordinal));
            spans[id] = new EngineSpan(LoggedAt(log[ended]) - LoggedAt(log[accepted]), opens);
        }

        return spans;
    }

    /// <summary>The engine's log lines begin with their time, as "2026-11-22 08:55:53.919 +00:00".</summary>
    private static DateTimeOffset LoggedAt(string line) =>
        DateTimeOffset.ParseExact(line[..30], "yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);

    private static int IndexOf(IReadOnlyList<string> lines, string text, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record EngineSpan(TimeSpan Engine, int Opens);
}
