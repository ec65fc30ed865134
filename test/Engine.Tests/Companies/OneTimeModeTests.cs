using QbConnector.Engine.Companies;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Tests.Companies.Support;
using QbConnector.TestSupport;
using SyncMode = QbConnector.Engine.Companies.SyncMode;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>One-time mode: once the first link's data is complete and acknowledged, the company is deauthorised and removed.</summary>
public sealed class OneTimeModeTests : IAsyncLifetime
{
    private readonly CompaniesHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task The_company_is_removed_only_once_the_cloud_has_acknowledged_every_page()
    {
        await _harness.SeedAsync("companies", new CompanyAdded(CompaniesHarness.Profile("c1"), CompaniesHarness.Noon));
        await _harness.SeedAsync("company-c1", CompaniesHarness.SyncedBefore(CompaniesHarness.Noon, SyncMode.OneTime, workId: "first-link"));
        var page = await _harness.Outbox.AppendAsync(new NewOutboxPage("c1", "first-link", "customers", 1, new byte[] { 1 }));
        var engine = _harness.Start();
        await engine.SettleAsync("c1");

        _harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.SettleAsync("c1");
        _harness.Unlinker.Unlinked.Should().BeEmpty("a page is still waiting for the cloud's acknowledgement");
        engine.Status.OneTime.Should().Be(new QbConnector.Engine.Control.Contracts.OneTimeRun(false));

        await _harness.Outbox.AcknowledgeAsync("c1", page.Sequence);
        _harness.Clock.Advance(TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(() => _harness.OneTimeFinishedCalls == 1, because: "the last one-time company is gone");
        _harness.Unlinker.Unlinked.Should().Equal(["c1"], "the company is deauthorised in the cloud");
        engine.Directory.Profiles.Should().BeEmpty();
        engine.Status.Get("c1")!.State.Should().Be("Deauthorised");
    }

    [Fact]
    public async Task An_ongoing_company_stays_linked_after_its_work_is_done()
    {
        await _harness.SeedAsync("companies", new CompanyAdded(CompaniesHarness.Profile("c1"), CompaniesHarness.Noon));
        await _harness.SeedAsync("company-c1", CompaniesHarness.SyncedBefore(CompaniesHarness.Noon, SyncMode.Ongoing, workId: "first-link"));
        var engine = _harness.Start();

        _harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.SettleAsync("c1");

        _harness.Unlinker.Unlinked.Should().BeEmpty();
        engine.Directory.Profiles.Should().ContainSingle();
        engine.Status.OneTime.Should().BeNull();
    }

    [Fact]
    public async Task A_one_time_company_waits_for_its_first_work_before_it_counts_as_done()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings(QbConnector.CloudContract.V1.SyncMode.OneTime));

        _harness.Clock.Advance(TimeSpan.FromSeconds(10));
        await engine.SettleAsync("c1");

        _harness.Unlinker.Unlinked.Should().BeEmpty("nothing has been synced yet");
        engine.Status.OneTime.Should().Be(new QbConnector.Engine.Control.Contracts.OneTimeRun(false));
    }
}
