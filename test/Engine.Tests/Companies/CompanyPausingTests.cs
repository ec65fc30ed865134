using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Tests.Companies.Support;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>Pausing a company: persisted across restarts, timed or until resumed, and nothing asked of QuickBooks meanwhile.</summary>
public sealed class CompanyPausingTests : IAsyncLifetime
{
    private readonly CompaniesHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task A_pause_for_24_hours_holds_across_a_restart_and_ends_by_itself()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        var until = CompaniesHarness.Noon.AddHours(24);

        var paused = (PauseState)await engine.AskAsync("c1", new PauseCompany(until));
        paused.Should().Be(new PauseState("c1", "Company c1", true, until));
        engine.Companies.Tell(Work("w1"));
        await engine.SettleAsync("c1");
        (await engine.DrainGatewayAsync()).Should().NotContain(m => m is QbRequest, "a paused company asks QuickBooks nothing");
        engine.Status.Get("c1")!.State.Should().Be("Paused");
        engine.Status.Get("c1")!.PausedUntil.Should().Be(until);

        await _harness.StopAsync();
        engine = _harness.Start();
        (await engine.SettleAsync("c1")).Should().Be(paused, "the pause was persisted");
        (await engine.DrainGatewayAsync()).Should().NotContain(m => m is QbRequest);
        engine.Status.Get("c1")!.State.Should().Be("Paused");

        _harness.Clock.Advance(TimeSpan.FromHours(24));

        var request = await engine.ExpectRequestAsync();
        request.CompanyFile.Should().Be("/files/c1.qbw", "the queued work goes on once the pause has run out");
        (await engine.SettleAsync("c1")).Paused.Should().BeFalse();
        engine.Status.Get("c1")!.PausedUntil.Should().BeNull();
    }

    [Fact]
    public async Task Resume_ends_a_pause_until_resumed_and_the_queued_work_goes_on()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        await engine.AskAsync("c1", new PauseCompany(null));
        engine.Companies.Tell(Work("w1"));
        _harness.Clock.Advance(TimeSpan.FromDays(30));
        await engine.SettleAsync("c1");
        (await engine.DrainGatewayAsync()).Should().NotContain(m => m is QbRequest, "a pause without an end lasts until resumed");
        engine.Status.Get("c1")!.PausedUntil.Should().BeNull();
        engine.Status.Get("c1")!.State.Should().Be("Paused");

        var resumed = (PauseState)await engine.AskAsync("c1", new ResumeCompany());

        resumed.Paused.Should().BeFalse();
        (await engine.ExpectRequestAsync()).CompanyFile.Should().Be("/files/c1.qbw");
    }

    [Fact]
    public async Task Pausing_withdraws_the_waiting_request_and_fetches_its_window_again_after_the_pause()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        engine.Companies.Tell(Work("w1"));
        var first = await engine.ExpectRequestAsync();

        await engine.AskAsync("c1", new PauseCompany(null));

        (await engine.DrainGatewayAsync()).Should().Equal([new CancelRequests("/files/c1.qbw")], "the waiting request is withdrawn");
        engine.Companies.Tell(new ToCompany("c1", new QbResponse(first.CorrelationId, "<QBXML/>", 0, TimeSpan.Zero)));
        await engine.AskAsync("c1", new ResumeCompany());
        var again = await engine.ExpectRequestAsync();
        again.CorrelationId.Should().NotBe(first.CorrelationId);
        again.RequestXml.Should().Contain("CustomerQueryRq", "the same data type is asked for again");
    }

    [Fact]
    public async Task The_cloud_pauses_and_resumes_too_and_a_pause_that_has_run_out_is_ignored()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());

        engine.Companies.Tell(new CloudCommand("c1", new ServerMessage { Pause = new Pause { CompanyId = "c1", Until = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(CompaniesHarness.Noon.AddHours(-1)) } }));
        (await engine.SettleAsync("c1")).Paused.Should().BeFalse();

        engine.Companies.Tell(new CloudCommand("c1", new ServerMessage { Pause = new Pause { CompanyId = "c1" } }));
        (await engine.SettleAsync("c1")).Paused.Should().BeTrue();

        engine.Companies.Tell(new CloudCommand("c1", new ServerMessage { Resume = new Resume { CompanyId = "c1" } }));
        (await engine.SettleAsync("c1")).Paused.Should().BeFalse();
    }

    [Fact]
    public async Task The_cloud_hears_of_a_paused_company_as_paused()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        await engine.AddAsync("c2", CompaniesHarness.CloudSettings());

        await engine.AskAsync("c1", new PauseCompany(null));
        await engine.SettleAsync("c2");

        var directory = new CompanyDirectory(engine.Status);
        directory.Set(CompaniesHarness.Profile("c1"));
        directory.Set(CompaniesHarness.Profile("c2"));
        directory.CompanyStates().OrderBy(s => s.CompanyId, StringComparer.Ordinal).Select(s => s.LinkState).Should().Equal(LinkState.Paused, LinkState.Linked);
    }

    internal static CloudCommand Work(string workId) => new("c1", new ServerMessage
    {
        Work = new WorkItem { WorkId = workId, CompanyId = "c1", Sync = new SyncWork { DataTypes = { "customers" }, Scope = SyncScope.Full } },
    });
}
