using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.QbGateway.Sandbox.Editing;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.TestSupport;
using Serilog;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>
/// QuickBooks keeps only 90 days of delete history. An engine that last synced longer ago than
/// that reconciles every id, so deletes it can no longer ask about still reach the cloud. The
/// engine runs in-process here (on a clock the test moves forward), against the real emulator.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeleteReconciliationTests
{
    [Fact]
    public async Task Deletes_older_than_QuickBooks_delete_history_reach_the_cloud_through_a_reconciliation_of_ids()
    {
        await using var world = await SyncWorld.StartAsync();
        var file = world.CreateCompanyFile("Long Absent", seed: 31);
        var clock = new ShiftedClock();
        var data = new DataDirectory(world.EngineData);
        var options = new EngineOptions();
        options.Cloud.Url = world.Emulator.GrpcUrl;
        await using var log = new LoggerConfiguration().CreateLogger();
        await using var engine = await EngineHost.StartAsync(data, options, () => new SandboxQbSession(new SandboxSessionOptions { Time = clock }), log, clock);
        using var control = new ControlClient(data);
        var key = await world.Emulator.CreateCompanyAsync("Long Absent");
        await control.LinkAsync(new LinkCompanyRequest(key, file, "US"));
        await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(60));
        await world.AssertCloudMatchesAsync(key, file);

        // Deleted now, then no sync for 100 days: QuickBooks' delete history no longer holds these deletes.
        var edits = SandboxEditor.Apply(file, seed: 3, changes: 60);
        edits.Deleted.Should().BePositive();
        clock.Offset = TimeSpan.FromDays(100);
        var before = (await control.GetStatusAsync()).Companies.Single().LastSyncs;
        await control.SyncAsync(new SyncRequest(key));

        await Eventually.TrueAsync(
            async () =>
            {
                var company = (await control.GetStatusAsync()).Companies.Single();
                return company.Work is null && company.LastSyncs.Count(s => before.TryGetValue(s.Key, out var was) && s.Value > was) == SyncWorld.CloudDataTypes.Count;
            },
            TimeSpan.FromSeconds(60),
            "the sync 100 days later finished");
        await world.AssertCloudMatchesAsync(key, file);
    }
}
