using QbConnector.Engine.Tests.EndToEnd.Support;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>
/// The engine killed (SIGKILL) at chosen moments of a long first sync, then started again: the
/// cloud ends up with every record once, and at most the one window in progress is fetched again.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashTests
{
    /// <summary>Small pages and windows, so a small file makes a sync of many windows and pages.</summary>
    private static readonly Dictionary<string, string> ManyWindows = new(StringComparer.Ordinal)
    {
        ["QBCONNECTOR_Sync__PageSize"] = "10",
        ["QBCONNECTOR_Sync__Windows__TargetRecordsPerWindow"] = "25",
    };

    [Theory]
    [InlineData("page.fetched#7")] // a page answered by QuickBooks, not yet in the outbox
    [InlineData("page.stored#9")] // in the outbox, its window not yet committed
    [InlineData("window.committed#6")] // a window committed, the next not yet asked for
    [InlineData("upload.sent#8")] // a page sent to the cloud, its acknowledgement not yet received
    public async Task A_killed_first_sync_resumes_with_nothing_missing_nothing_twice_and_at_most_one_window_fetched_again(string pauseAt)
    {
        await using var world = await SyncWorld.StartAsync();
        var file = world.CreateCompanyFile("Crashing", seed: 23, scale: 300);
        var first = await world.StartEngineAsync(ManyWindows, pauseAt);
        var key = await world.LinkAsync(first, file, "Crashing");

        await first.WaitForPauseAsync(TimeSpan.FromSeconds(60));
        await first.KillAsync();
        (await world.DatasetsAsync(key)).Should().Contain(d => d.GetProperty("status").GetString() != "complete", "the engine was killed in the middle of the first sync");

        await world.StartEngineAsync(ManyWindows);
        await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(90));

        var stats = await world.AssertCloudMatchesAsync(key, file);
        SyncWorld.AssertNoDuplicates(stats);
        QbXmlTrace.Windows(world.Trace).Should().BeGreaterThan(30, "the sync was long: many windows");
        QbXmlTrace.RefetchedWindows(world.Trace).Should().HaveCountLessThanOrEqualTo(1, "only the window in progress at the crash is fetched again");
    }
}
