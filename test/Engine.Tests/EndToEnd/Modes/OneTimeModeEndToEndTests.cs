using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd.Modes;

/// <summary>One-time mode over real processes: link, first sync, deauthorise and uninstall by itself.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OneTimeModeEndToEndTests
{
    [Fact]
    public async Task After_the_first_sync_the_company_is_deauthorised_and_the_connector_leaves_only_its_logs()
    {
        await using var world = await SyncWorld.StartAsync();
        await ModesWorld.UsePlatformSettingsAsync(world, "oneTime");
        var file = world.CreateCompanyFile("Once Ltd", seed: 3, scale: 100);
        var install = await ModesWorld.CliAsync(world, "install");
        install.ExitCode.Should().Be(0, install.Output);
        File.ReadAllText(ModesWorld.DesktopEntry(world)).Should().Contain("\"run\" \"--data-dir\"", "the registration starts this engine's run verb");
        var environment = ModesWorld.Environment(world);
        environment["QBCONNECTOR_Uninstall__KeepLogs"] = "true";
        var engine = await world.StartEngineAsync(environment);

        var key = await world.LinkAsync(engine, file, "Once Ltd");

        (await engine.WaitForExitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, "the engine ends by itself once the one-time run is over");
        engine.Output.Should().Contain(l => l.Contains("the connector has removed itself from this PC", StringComparison.Ordinal));
        (await world.DatasetsAsync(key)).Should().HaveCount(ModesWorld.FirstLinkTypes.Length).And.OnlyContain(d => d.GetProperty("status").GetString() == "complete");
        var customers = await world.Emulator.GetJsonAsync($"companies/{key}/data/customers/stats");
        customers.GetProperty("existingRecords").GetInt64().Should().BePositive("the data reached the cloud before the link ended");
        (await world.Emulator.GetJsonAsync($"companies/{key}")).GetProperty("linkState").GetString().Should().BeEquivalentTo("deauthorised");
        File.Exists(ModesWorld.DesktopEntry(world)).Should().BeFalse("the connector no longer starts at log-on");
        Directory.EnumerateFileSystemEntries(world.EngineData).Select(Path.GetFileName).Should().Equal(["logs"], "only the logs are kept, as the settings say");
        Directory.EnumerateFiles(Path.Combine(world.EngineData, "logs")).Should().NotBeEmpty();
    }
}
