using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Tests.EndToEnd.Support;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.TestSupport;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>
/// Every QuickBooks state that only the person can fix shows in <c>status</c> in plain words with
/// what to do, and clears by itself once the state is fixed, with no command from anyone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NeedsPersonTests(NeedsPersonTests.LinkedEngine linked) : IClassFixture<NeedsPersonTests.LinkedEngine>
{
    public static TheoryData<string, QuickBooksCondition, QuickBooksAuthorization> States => new()
    {
        { "cannot-start", QuickBooksCondition.CannotStart, QuickBooksAuthorization.GrantedAlways },
        { "other-company-file-open", QuickBooksCondition.OtherCompanyFileOpen, QuickBooksAuthorization.GrantedAlways },
        { "modal-dialog", QuickBooksCondition.ModalDialog, QuickBooksAuthorization.GrantedAlways },
        { "logged-in-elsewhere", QuickBooksCondition.LoggedInElsewhere, QuickBooksAuthorization.GrantedAlways },
        { "several-instances", QuickBooksCondition.SeveralInstances, QuickBooksAuthorization.GrantedAlways },
        { "access-not-yet-granted", QuickBooksCondition.Ready, QuickBooksAuthorization.NotYetGranted },
        { "access-denied", QuickBooksCondition.Ready, QuickBooksAuthorization.Denied },
        { "no-permission", QuickBooksCondition.Ready, QuickBooksAuthorization.NoPermission },
        { "granted-once-while-not-running", QuickBooksCondition.NotRunning, QuickBooksAuthorization.GrantedOnce },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task A_state_only_the_person_can_fix_shows_in_plain_words_and_clears_by_itself_once_fixed(string name, QuickBooksCondition condition, QuickBooksAuthorization authorization)
    {
        await linked.WaitForNoSessionAsync();
        new QuickBooksState { Condition = condition, Authorization = authorization }.Save(linked.File);
        await linked.SyncAsync();

        await Eventually.TrueAsync(async () => (await linked.CompanyAsync()).Problem is not null, TimeSpan.FromSeconds(20), $"'{name}' shows in the status");
        var company = await linked.CompanyAsync();
        company.State.Should().Be("NeedsAttention");
        var problem = company.Problem!;
        problem.Message.Should().NotBeNullOrWhiteSpace().And.NotContain("0x", "the person reads words, not an HRESULT");
        problem.Fix.Should().NotBeNullOrWhiteSpace().And.NotContain("{file}");
        var text = await linked.Engine.CliAsync("status");
        text.Output.Should().Contain(problem.Message).And.Contain(problem.Fix);

        new QuickBooksState().Save(linked.File);
        await Eventually.TrueAsync(
            async () => await linked.CompanyAsync() is { Problem: null, Work: null },
            TimeSpan.FromSeconds(20),
            $"'{name}' clears by itself and the sync finishes");
    }

    /// <summary>One engine with one linked, fully synced company, shared by the states.</summary>
    public sealed class LinkedEngine : IAsyncLifetime
    {
        private SyncWorld _world = null!;
        private ControlClient _control = null!;

        public EngineProcess Engine { get; private set; } = null!;

        public string File { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _world = await SyncWorld.StartAsync();
            File = _world.CreateCompanyFile("Needs Person", seed: 41, scale: 60);
            Engine = await _world.StartEngineAsync(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["QBCONNECTOR_Sync__NeedsPersonRetry"] = "00:00:00.300",
                // The session ends soon after each sync, so the next one meets the new state at BeginSession.
                ["QBCONNECTOR_Gateway__Scheduler__IdleTimeout"] = "00:00:00.200",
            });
            var key = await _world.LinkAsync(Engine, File, "Needs Person");
            await _world.WaitForFirstSyncAsync(key, TimeSpan.FromSeconds(60));
            _control = new ControlClient(new DataDirectory(_world.EngineData));
        }

        public async Task<CompanyStatus> CompanyAsync() => (await _control.GetStatusAsync()).Companies.Single();

        public Task SyncAsync() => _control.SyncAsync(new SyncRequest());

        /// <summary>Waits until the gateway has ended its QuickBooks session (the trace's session log says so).</summary>
        public Task WaitForNoSessionAsync() => Eventually.TrueAsync(
            () =>
            {
                var lines = System.IO.File.ReadAllLines(Path.Combine(_world.Trace, "session.log"));
                return lines.Length > 0 && !lines[^1].Contains(" BeginSession ok", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(10),
            "QuickBooks' session ended");

        public async Task DisposeAsync()
        {
            _control?.Dispose();
            await _world.DisposeAsync();
        }
    }
}
