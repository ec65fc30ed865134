using System.Globalization;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>Ten company files through the one QuickBooks gateway of one engine.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MultiCompanyTests
{
    private const int Companies = 10;

    [Fact]
    public async Task Ten_company_files_sync_at_once_and_a_manual_sync_queued_behind_a_long_sync_is_served_at_once()
    {
        await using var world = await SyncWorld.StartAsync();
        await world.StartEngineAsync();
        using var control = new ControlClient(new DataDirectory(world.EngineData));
        var companies = new List<(string Key, string File)>();
        for (var i = 0; i < Companies; i++)
        {
            var name = "Client " + i.ToString(CultureInfo.InvariantCulture);
            var file = world.CreateCompanyFile(name.Replace(' ', '-'), seed: 100 + i, scale: 60);
            var key = await world.Emulator.CreateCompanyAsync(name);
            await control.LinkAsync(new LinkCompanyRequest(key, file, "US"));
            companies.Add((key, file));
        }

        foreach (var (key, file) in companies)
        {
            await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(120));
            var stats = await world.AssertCloudMatchesAsync(key, file);
            SyncWorld.AssertNoDuplicates(stats);
        }

        // A long sync: the cloud asks company 0 for everything again, and its QuickBooks answers slowly.
        var (longKey, longFile) = companies[0];
        new QuickBooksState { SlowResponseMilliseconds = 100 }.Save(longFile);
        foreach (var type in SyncWorld.CloudDataTypes)
        {
            (await world.Emulator.Http.PostAsync($"companies/{longKey}/data/queue/{type}?full=true", null)).EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(
            async () => (await world.DatasetsAsync(longKey)).Any(d => d.GetProperty("status").GetString() == "fetching"),
            TimeSpan.FromSeconds(30),
            "the long sync has started");

        // The person asks for a sync of another company while the long one runs.
        var (manualKey, _) = companies[5];
        var before = (await control.GetStatusAsync()).Companies.Single(c => c.CompanyId == manualKey).LastSyncs;
        var asked = DateTimeOffset.UtcNow;
        await control.SyncAsync(new SyncRequest(manualKey));
        await Eventually.TrueAsync(
            async () =>
            {
                var company = (await control.GetStatusAsync()).Companies.Single(c => c.CompanyId == manualKey);
                return company.Work is null && company.LastSyncs.Count(s => before.TryGetValue(s.Key, out var was) && s.Value > was) == SyncWorld.CloudDataTypes.Count;
            },
            TimeSpan.FromSeconds(60),
            "the manual sync finished");
        var served = DateTimeOffset.UtcNow;

        (await world.DatasetsAsync(longKey)).Should().Contain(d => d.GetProperty("status").GetString() != "complete", "the manual sync did not wait for the long one to finish");
        var switches = SessionLog.BeginSessions(world.Trace, asked, served);
        switches.Should().HaveCountLessThanOrEqualTo(3, "QuickBooks stays with the person's company file while its sync runs, rather than going back and forth between files: " + string.Join(", ", switches));

        foreach (var (key, _) in companies)
        {
            await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(120));
        }

        new QuickBooksState().Save(longFile);
        await world.AssertCloudMatchesAsync(longKey, longFile);
    }
}
