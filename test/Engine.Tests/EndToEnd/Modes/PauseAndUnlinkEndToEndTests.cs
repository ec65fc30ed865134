using System.Globalization;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.EndToEnd.Modes;

/// <summary>Pause across a restart, and companies added and removed on a running connector, over real processes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PauseAndUnlinkEndToEndTests
{
    [Fact]
    public async Task A_pause_for_24_hours_holds_across_a_restart_and_queued_work_runs_after_resume()
    {
        await using var world = await SyncWorld.StartAsync();
        await ModesWorld.UsePlatformSettingsAsync(world, "ongoing");
        var file = world.CreateCompanyFile("Pause Co", seed: 4, scale: 100);
        var engine = await world.StartEngineAsync(ModesWorld.Environment(world));
        var key = await world.LinkAsync(engine, file, "Pause Co");
        await ModesWorld.WaitForFirstLinkAsync(world, key);

        var pause = await engine.CliAsync("pause", "--for", "24h");

        pause.ExitCode.Should().Be(0, pause.Output);
        pause.Output.Should().Contain("Paused 'Pause Co' until");
        var before = ModesWorld.Company(await engine.StatusAsync(), key);
        before.GetProperty("state").GetString().Should().Be("Paused");
        var until = before.GetProperty("pausedUntil").GetDateTimeOffset();
        until.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(24), TimeSpan.FromMinutes(5));

        (await engine.StopAsync()).Should().Be(0);
        engine = await world.StartEngineAsync(ModesWorld.Environment(world));
        var after = ModesWorld.Company(await engine.StatusAsync(), key);
        after.GetProperty("state").GetString().Should().Be("Paused", "the pause was persisted");
        after.GetProperty("pausedUntil").GetDateTimeOffset().Should().Be(until);

        using (var queued = await world.Emulator.Http.PostAsync($"companies/{key}/data/queue/vendors", null))
        {
            queued.EnsureSuccessStatusCode();
        }

        var resume = await engine.CliAsync("resume", "--company", key);
        resume.ExitCode.Should().Be(0, resume.Output);
        await Eventually.TrueAsync(
            async () => (await world.DatasetsAsync(key)).Any(d => d.GetProperty("dataType").GetString() == "vendors" && d.GetProperty("status").GetString() == "complete"),
            TimeSpan.FromSeconds(60),
            "the work queued during the pause runs after the resume");
        ModesWorld.Company(await engine.StatusAsync(), key).GetProperty("state").GetString().Should().NotBe("Paused");
    }

    [Fact]
    public async Task A_second_company_joins_the_running_connector_and_unlinking_one_leaves_the_other_untouched()
    {
        await using var world = await SyncWorld.StartAsync();
        await ModesWorld.UsePlatformSettingsAsync(world, "ongoing");
        var first = world.CreateCompanyFile("First Co", seed: 5, scale: 100);
        var second = world.CreateCompanyFile("Second Co", seed: 6, scale: 100);
        var engine = await world.StartEngineAsync(ModesWorld.Environment(world));
        var a = await world.LinkAsync(engine, first, "First Co");
        await ModesWorld.WaitForFirstLinkAsync(world, a);

        var b = await world.LinkAsync(engine, second, "Second Co");
        await ModesWorld.WaitForFirstLinkAsync(world, b);

        var unlink = await engine.CliAsync("unlink", "--company", a);

        unlink.ExitCode.Should().Be(0, unlink.Output);
        unlink.Output.Should().Contain("the platform was told");
        var status = await engine.StatusAsync();
        ModesWorld.Company(status, a).GetProperty("state").GetString().Should().Be("Deauthorised");
        ModesWorld.Company(status, b).GetProperty("state").GetString().Should().NotBe("Deauthorised");
        (await world.Emulator.GetJsonAsync($"companies/{a}")).GetProperty("linkState").GetString().Should().BeEquivalentTo("deauthorised");
        (await world.Emulator.GetJsonAsync($"companies/{b}")).GetProperty("linkState").GetString().Should().BeEquivalentTo("linked");
        Directory.EnumerateFiles(Path.Combine(world.EngineData, "credentials")).Should().ContainSingle("the install's credential serves the other company");

        using (var queued = await world.Emulator.Http.PostAsync($"companies/{b}/data/queue/vendors", null))
        {
            queued.EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(
            async () => (await world.DatasetsAsync(b)).Any(d => d.GetProperty("dataType").GetString() == "vendors" && d.GetProperty("status").GetString() == "complete"),
            TimeSpan.FromSeconds(60),
            "the other company goes on syncing");

        (await engine.CliAsync("unlink", "--company", b)).ExitCode.Should().Be(0);
        Directory.EnumerateFiles(Path.Combine(world.EngineData, "credentials")).Should().BeEmpty("the credential went with the last company");
        var again = await engine.CliAsync("unlink", "--company", b);
        again.ExitCode.Should().NotBe(0);
        again.Output.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"No company '{b}' is linked."));
    }
}
