using QbConnector.Engine.Companies;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Tests.Companies.Support;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>Sync hours on a test clock: scheduled syncs wait for the window; manual syncs do not.</summary>
public sealed class SyncHoursTests : IAsyncLifetime
{
    private readonly CompaniesHarness _harness = new();

    public async Task InitializeAsync()
    {
        // Customers synced hourly, last at 10:00; sync hours 19:00 to 07:00 (the test clock's zone is UTC).
        await _harness.SeedAsync("companies", new CompanyAdded(CompaniesHarness.Profile("c1"), CompaniesHarness.Noon.AddDays(-1)));
        await _harness.SeedAsync("company-c1", CompaniesHarness.SyncedBefore(CompaniesHarness.Noon.AddHours(-2), hours: "19:00-07:00"));
    }

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task A_due_scheduled_sync_waits_for_the_sync_hours()
    {
        var engine = _harness.Start();
        await engine.SettleAsync("c1");
        engine.Status.Get("c1")!.NextSyncAt.Should().Be(CompaniesHarness.Noon.Date.AddHours(19), "customers are due since 11:00, but the hours open at 19:00");

        _harness.Clock.Advance(new TimeSpan(6, 59, 0));
        await engine.SettleAsync("c1");
        (await engine.DrainGatewayAsync()).Should().NotContain(m => m is QbRequest, "18:59 is outside the sync hours");

        _harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var request = await engine.ExpectRequestAsync();
        request.Priority.Should().Be(GatewayPriority.Scheduled);
        request.RequestXml.Should().Contain("CustomerQueryRq");
    }

    [Fact]
    public async Task A_manual_sync_runs_outside_the_sync_hours()
    {
        var engine = _harness.Start();
        await engine.SettleAsync("c1");
        (await engine.DrainGatewayAsync()).Should().NotContain(m => m is QbRequest);

        engine.Companies.Tell(new SyncCompanies("c1", new SyncNow()));

        var request = await engine.ExpectRequestAsync();
        request.Priority.Should().Be(GatewayPriority.Interactive);
    }

    [Fact]
    public async Task A_timed_pause_pushes_the_next_sync_past_its_end()
    {
        var engine = _harness.Start();
        await engine.AskAsync("c1", new PauseCompany(CompaniesHarness.Noon.AddHours(24)));

        engine.Status.Get("c1")!.NextSyncAt.Should().Be(CompaniesHarness.Noon.Date.AddDays(1).AddHours(19), "the pause ends tomorrow at noon, and the hours open at 19:00");
        engine.Status.Get("c1")!.State.Should().Be("Paused");
    }
}
