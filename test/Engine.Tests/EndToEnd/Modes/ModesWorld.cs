using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd.Modes;

/// <summary>What the modes' end-to-end tests share: a few data types only (so a first sync takes seconds) and a private config home for the start-at-log-on registration.</summary>
internal static class ModesWorld
{
    public static readonly string[] FirstLinkTypes = ["customers", "accounts", "company"];

    /// <summary>The platform's settings: only <see cref="FirstLinkTypes"/> are fetched at first link.</summary>
    public static async Task UsePlatformSettingsAsync(SyncWorld world, string mode)
    {
        var dataTypes = SyncWorld.CloudDataTypes.ToDictionary(
            t => t,
            t => new { fetchOnFirstLink = FirstLinkTypes.Contains(t), syncFrequency = "none" },
            StringComparer.Ordinal);
        using var response = await world.Emulator.Http.PutAsJsonAsync("settings", new { mode, dataTypes });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The environment of engine processes: a private config home, no systemctl, quick exits.</summary>
    public static Dictionary<string, string> Environment(SyncWorld world) => new(StringComparer.Ordinal)
    {
        ["HOME"] = Path.Combine(world.Root, "home"),
        ["XDG_CONFIG_HOME"] = ConfigHome(world),
        ["QBCONNECTOR_Autostart__Systemctl"] = "none",
        ["QBCONNECTOR_Uninstall__ExitDelay"] = "00:00:01",
    };

    public static string ConfigHome(SyncWorld world) => Path.Combine(world.Root, "config");

    public static string DesktopEntry(SyncWorld world) => Path.Combine(ConfigHome(world), "autostart", "qbconnector.desktop");

    public static async Task<CliResult> CliAsync(SyncWorld world, params string[] arguments) =>
        await EngineProcess.RunCliAsync([.. arguments, "--data-dir", world.EngineData], environment: Environment(world));

    /// <summary>Waits until every first-link dataset of the company is complete in the cloud.</summary>
    public static Task WaitForFirstLinkAsync(SyncWorld world, string key) =>
        Eventually.TrueAsync(
            async () =>
            {
                var datasets = await world.DatasetsAsync(key);
                return datasets.Count == FirstLinkTypes.Length && datasets.All(d => d.GetProperty("status").GetString() == "complete");
            },
            TimeSpan.FromSeconds(90),
            "the first-link datasets of " + key + " are complete");

    public static JsonElement Company(JsonElement status, string key) =>
        status.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("companyId").GetString() == key);
}
