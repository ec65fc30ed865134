using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Security;
using QbConnector.Engine.Tests.Companies.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Companies;

/// <summary>Unlinking and deauthorising: one company goes with its data, the others stay untouched.</summary>
public sealed class CompanyRemovalTests : IAsyncLifetime
{
    private readonly CompaniesHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task Unlinking_one_company_drops_its_unsent_pages_and_events_and_leaves_the_other_untouched()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        await engine.AddAsync("c2", CompaniesHarness.CloudSettings());
        _harness.Credentials.Save(CloudLinkActor.CredentialKey, new InstallCredential("secret"));
        await engine.AskAsync("c1", new PauseCompany(null)); // an event of c1 in the journal
        await _harness.Outbox.AppendAsync(Page("c1"));
        await _harness.Outbox.AppendAsync(Page("c2"));

        var reply = await engine.RemoveAsync("c1");

        reply.Should().Be(new CompanyRemovedReply("c1", Found: true, CloudTold: true, CompaniesLeft: 1));
        _harness.Unlinker.Unlinked.Should().Equal("c1");
        (await _harness.Outbox.CountPendingAsync("c1")).Should().Be(0, "pages already fetched are not sent");
        (await _harness.Outbox.CountPendingAsync("c2")).Should().Be(1);
        (await _harness.EventCountAsync("company-c1")).Should().Be(0);
        _harness.Credentials.TryLoad(CloudLinkActor.CredentialKey).Should().NotBeNull("another company still uses the install's credential");
        engine.Status.Get("c1")!.State.Should().Be("Deauthorised");
        engine.Status.Get("c1")!.Problem!.Message.Should().Be("Unlinked on this PC.");
        engine.Directory.Profiles.Select(p => p.CompanyId).Should().Equal("c2");
        (await engine.SettleAsync("c2")).CompanyId.Should().Be("c2", "the other company's actor runs on");
        (await engine.AskAsync("c1", GetPauseState.Instance)).Should().Be(new CompanyNotLinked("c1"));

        await _harness.StopAsync();
        engine = _harness.Start();
        await engine.SettleAsync("c2");
        engine.Directory.Profiles.Select(p => p.CompanyId).Should().Equal(["c2"], "the removal was persisted");
    }

    [Fact]
    public async Task A_deauthorise_from_the_cloud_removes_the_last_company_and_destroys_the_credential()
    {
        var engine = _harness.Start();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        _harness.Credentials.Save(CloudLinkActor.CredentialKey, new InstallCredential("secret"));
        engine.Companies.Tell(PausePageWork.Work);
        await _harness.Outbox.AppendAsync(Page("c1"));

        engine.Companies.Tell(new CloudCommand("c1", new ServerMessage { Deauthorise = new Deauthorise { CompanyId = "c1", Reason = "Access removed on the platform." } }));

        await Eventually.TrueAsync(() => engine.Directory.Profiles.Count == 0, because: "the company is removed");
        await Eventually.TrueAsync(() => _harness.Credentials.TryLoad(CloudLinkActor.CredentialKey) is null, because: "the credential is destroyed with the last company");
        _harness.Unlinker.Unlinked.Should().BeEmpty("the cloud itself deauthorised it");
        (await _harness.Outbox.CountPendingAsync("c1")).Should().Be(0);
        engine.Status.Get("c1")!.State.Should().Be("Deauthorised");
        engine.Status.Get("c1")!.Problem!.Message.Should().Be("Access removed on the platform.");
        (await engine.ExpectCloudAsync<CredentialRemoved>()).Should().Be(CredentialRemoved.Instance, "the cloud link closes its stream");
        _harness.OneTimeFinishedCalls.Should().Be(0, "an ongoing company's removal does not uninstall the connector");

        // The company's own events and the companies' record of it are gone once the snapshot is saved.
        await Eventually.TrueAsync(async () => await _harness.EventCountAsync("companies") == 0, because: "the companies' events are replaced by a snapshot");
        (await _harness.EventCountAsync("company-c1")).Should().Be(0);
    }

    [Fact]
    public async Task Removing_a_company_that_is_not_linked_says_so_and_a_removed_company_can_be_linked_again()
    {
        var engine = _harness.Start();
        (await engine.RemoveAsync("nope")).Found.Should().BeFalse();
        await engine.AddAsync("c1", CompaniesHarness.CloudSettings());
        await engine.RemoveAsync("c1", tellCloud: false);

        var again = await engine.AddAsync("c1", CompaniesHarness.CloudSettings());

        again.AlreadyLinked.Should().BeFalse();
        await Eventually.TrueAsync(() => engine.Status.Get("c1") is { State: not "Deauthorised" }, because: "the new link reports again");
    }

    private static NewOutboxPage Page(string companyId) => new(companyId, "w1", "customers", 1, new byte[] { 1, 2, 3 });

    private static class PausePageWork
    {
        public static CloudCommand Work => CompanyPausingTests.Work("w1");
    }
}
