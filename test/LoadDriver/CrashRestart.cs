using System.Diagnostics;

namespace QbConnector.LoadDriver;

/// <summary>
/// SIGKILL in the middle of a long first sync, then a restart on the same data folder: what
/// QuickBooks had to return again, and what the cloud received twice.
/// </summary>
internal static class CrashRestart
{
    private const int PageSize = 250; // the engine's Sync:PageSize

    public static async Task<IReadOnlyList<Row>> RunAsync(int scale)
    {
        // About halfway through the pages: a page in the outbox whose window is not yet committed.
        var killAt = Math.Max(2, scale / PageSize / 2);
        var size = $"one company, {scale:N0} scale, zero latency, SIGKILL at page {killAt:N0} of the first sync";
        Console.WriteLine($"{size}: linking, killing, restarting");
        await using var world = await World.StartAsync("crash");
        var file = world.CompanyFile("company", scale);
        var trace = Path.Combine(world.Root, "trace");
        var first = await world.StartEngineAsync("none", trace, pauseAt: "page.stored#" + killAt);
        var key = await world.LinkAsync(file, "Company");
        await first.WaitForPauseAsync(TimeSpan.FromMinutes(30));
        await first.KillAsync();
        await first.DisposeAsync();
        var beforeRestart = await world.RecordsStoredAsync(key);
        var clock = Stopwatch.StartNew();
        await world.StartEngineAsync("none", trace);
        var synced = await world.WaitForSyncAsync([key], TimeSpan.FromMinutes(60));
        var resumed = clock.Elapsed;
        await world.Engine!.StopAsync();

        var stored = await world.RecordsStoredAsync(key);
        var duplicates = await world.DuplicatesAsync(key);
        var returned = TraceRecords.Read(trace);
        var refetched = returned.Returned - stored;
        return
        [
            new(size, "records re-fetched", $"{refetched:N0} (returned {returned.Returned:N0}, in the file {stored:N0})", $"≤ one window ({returned.LargestWindow:N0} records)", $"QuickBooks' answers in the qbXML trace of both runs minus the records the cloud holds ({returned.Distinct:N0} different records returned); {returned.Windows:N0} windows, {returned.WindowsAgain:N0} asked for again; the cloud held {beforeRestart:N0} at the kill; restart to complete {resumed.TotalSeconds:F1} s"),
            new(size, "duplicate records in the cloud", $"{duplicates:N0}", "0", $"deliveries beyond the first per record, from the emulator's record stats; {synced:N0} records in the datasets' counts"),
        ];
    }
}
