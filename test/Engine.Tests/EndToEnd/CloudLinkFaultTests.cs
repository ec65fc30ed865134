using QbConnector.Engine.Control;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Network;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>The network between the engine and the cloud fails (a TCP proxy drops and stalls it): nothing is lost.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CloudLinkFaultTests
{
    [Fact]
    public async Task A_first_sync_through_a_network_that_drops_and_stalls_completes_with_nothing_lost_or_sent_twice()
    {
        await using var world = await SyncWorld.StartAsync();
        await using var proxy = new TcpFaultProxy(world.Emulator.GrpcPort);
        var file = world.CreateCompanyFile("Flaky Network", seed: 53, scale: 600);
        var engine = await world.StartEngineAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["QBCONNECTOR_Sync__PageSize"] = "10", ["QBCONNECTOR_Sync__Windows__TargetRecordsPerWindow"] = "25" },
            cloudUrl: $"http://127.0.0.1:{proxy.Port}");
        using var control = new ControlClient(new DataDirectory(world.EngineData));
        var key = await world.LinkAsync(engine, file, "Flaky Network");

        await WaitForRecordsAsync(world, key, 100);
        proxy.DropAll();
        await WaitForRecordsAsync(world, key, 250);
        proxy.Stall();
        await Eventually.TrueAsync(async () => !(await control.GetStatusAsync()).CloudConnected, TimeSpan.FromSeconds(20), "the engine notices the stalled link");
        proxy.Resume();
        await WaitForRecordsAsync(world, key, 400);
        proxy.DropAll();

        await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(90));
        var stats = await world.AssertCloudMatchesAsync(key, file);
        SyncWorld.AssertNoDuplicates(stats);
        proxy.AcceptedConnections.Should().BeGreaterThanOrEqualTo(3, "the engine reconnected after every fault");
    }

    [Fact]
    public async Task With_the_cloud_down_syncs_fill_the_outbox_up_to_its_budget_then_pause_with_a_clear_status_and_drain_when_it_is_back()
    {
        await using var world = await SyncWorld.StartAsync();
        await using var proxy = new TcpFaultProxy(world.Emulator.GrpcPort);
        var file = world.CreateCompanyFile("Offline Office", seed: 59);
        var engine = await world.StartEngineAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["QBCONNECTOR_Outbox__BudgetBytes"] = "60000", ["QBCONNECTOR_Sync__PageSize"] = "10" },
            cloudUrl: $"http://127.0.0.1:{proxy.Port}");
        using var control = new ControlClient(new DataDirectory(world.EngineData));
        var key = await world.LinkAsync(engine, file, "Offline Office");
        await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(60));

        proxy.RefuseNewConnections = true;
        proxy.DropAll();
        await Eventually.TrueAsync(async () => !(await control.GetStatusAsync()).CloudConnected, TimeSpan.FromSeconds(20), "the link is down");
        var edit = await EngineProcess.RunCliAsync(["sandbox", "edit", "--file", file, "--seed", "9", "--changes", "300"]);
        edit.ExitCode.Should().Be(0, edit.Output);
        var before = (await control.GetStatusAsync()).Companies.Single().LastSyncs;
        (await engine.CliAsync("sync")).ExitCode.Should().Be(0);

        await Eventually.TrueAsync(async () => (await control.GetStatusAsync()).Companies.Single().State == "Paused", TimeSpan.FromSeconds(30), "the sync pauses at the outbox budget");
        var paused = (await control.GetStatusAsync()).Companies.Single();
        paused.Problem.Should().NotBeNull();
        paused.Problem!.Code.Should().Be("waiting-for-cloud");
        paused.Problem.Message.Should().Contain("waiting to be sent").And.Contain("cannot be reached");
        var text = await engine.CliAsync("status");
        text.Output.Should().Contain("cloud not connected").And.Contain(paused.Problem.Message);

        proxy.RefuseNewConnections = false;
        await Eventually.TrueAsync(
            async () =>
            {
                var company = (await control.GetStatusAsync()).Companies.Single();
                return company.Problem is null && company.Work is null
                    && company.LastSyncs.Count(s => before.TryGetValue(s.Key, out var was) && s.Value > was) == SyncWorld.CloudDataTypes.Count;
            },
            TimeSpan.FromSeconds(60),
            "the outbox drains, the sync goes on and finishes");
        await Eventually.TrueAsync(async () => await CloudMatchesAsync(world, key, file), TimeSpan.FromSeconds(30), "the cloud has received everything");
        await world.AssertCloudMatchesAsync(key, file);
    }

    private static async Task<bool> CloudMatchesAsync(SyncWorld world, string key, string file)
    {
        var sandbox = await SyncWorld.SandboxStatsAsync(file);
        var cloud = await world.CloudStatsAsync(key, sandbox.Keys);
        return sandbox.All(s => cloud[s.Key].ContentHash == s.Value.Hash);
    }

    private static Task WaitForRecordsAsync(SyncWorld world, string key, long records) =>
        Eventually.TrueAsync(
            async () => (await world.DatasetsAsync(key)).Sum(d => d.GetProperty("recordsReceived").GetInt64()) >= records,
            TimeSpan.FromSeconds(60),
            $"the cloud has received {records} records");
}
