using System.Text.Json;
using System.Text.RegularExpressions;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>Link, first sync, a day of bookkeeping, and an incremental sync, over real processes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class FirstAndIncrementalSyncTests
{
    [Fact]
    public async Task The_cloud_ends_up_with_exactly_the_company_file_and_an_incremental_sync_carries_only_the_changes()
    {
        await using var world = await SyncWorld.StartAsync();
        var file = world.CreateCompanyFile("Rock Castle", seed: 11);
        var engine = await world.StartEngineAsync();
        var key = await world.LinkAsync(engine, file, "Rock Castle");

        await world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(60));
        var first = await world.AssertCloudMatchesAsync(key, file);
        SyncWorld.AssertNoDuplicates(first);
        var before = await RecordVersionsAsync(world, key, first.Keys);

        var edit = await EngineProcess.RunCliAsync(["sandbox", "edit", "--file", file, "--seed", "5", "--changes", "40"]);
        edit.ExitCode.Should().Be(0, edit.Output);
        var summary = EditSummary().Match(edit.Output);
        summary.Success.Should().BeTrue(edit.Output);
        var (added, deleted) = (int.Parse(summary.Groups["added"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(summary.Groups["deleted"].Value, System.Globalization.CultureInfo.InvariantCulture));
        added.Should().BePositive();
        deleted.Should().BePositive();

        var lastSyncs = LastSyncs(await engine.StatusAsync());
        var sync = await engine.CliAsync("sync");
        sync.ExitCode.Should().Be(0, sync.Output);
        await Eventually.TrueAsync(
            async () =>
            {
                var status = await engine.StatusAsync();
                var company = status.GetProperty("companies")[0];
                return company.GetProperty("work").ValueKind == JsonValueKind.Null
                    && LastSyncs(status).Count(p => lastSyncs.TryGetValue(p.Key, out var was) && p.Value > was) == SyncWorld.CloudDataTypes.Count;
            },
            TimeSpan.FromSeconds(60),
            "the manual sync of every data type finished");

        var after = await world.AssertCloudMatchesAsync(key, file);
        var afterVersions = await RecordVersionsAsync(world, key, first.Keys);
        var changed = afterVersions.Where(v => !before.TryGetValue(v.Key, out var was) || was != v.Value).ToList();
        changed.Count(c => !before.ContainsKey(c.Key)).Should().BeGreaterThanOrEqualTo(added, "every added record arrived");
        changed.Count(c => c.Value.Deleted).Should().Be(deleted, "every delete arrived");
        var deliveries = after.Sum(a => a.Value.Deliveries) - first.Sum(f => f.Value.Deliveries);
        deliveries.Should().Be(changed.Count, "the incremental sync sent each changed record once and nothing else");
    }

    private static Dictionary<string, DateTimeOffset> LastSyncs(JsonElement status) =>
        status.GetProperty("companies")[0].GetProperty("lastSyncs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDateTimeOffset(), StringComparer.Ordinal);

    /// <summary>Every record the cloud holds, as (data type, id) → (edit sequence, deleted).</summary>
    private static async Task<Dictionary<(string Type, string Id), (string EditSequence, bool Deleted)>> RecordVersionsAsync(SyncWorld world, string key, IEnumerable<string> dataTypes)
    {
        var versions = new Dictionary<(string, string), (string, bool)>();
        foreach (var type in dataTypes)
        {
            for (var page = 1; ; page++)
            {
                var json = await world.Emulator.GetJsonAsync($"companies/{key}/data/{type}?page={page}&pageSize=500");
                var records = json.GetProperty("results").EnumerateArray().ToList();
                foreach (var record in records)
                {
                    versions[(type, record.GetProperty("id").GetString()!)] = (record.GetProperty("editSequence").GetString() ?? "", record.GetProperty("deleted").GetBoolean());
                }

                if (records.Count < 500)
                {
                    break;
                }
            }
        }

        return versions;
    }

    [GeneratedRegex(@"Edited: (?<added>\d+) added, (?<modified>\d+) modified, (?<deleted>\d+) deleted")]
    private static partial Regex EditSummary();
}
