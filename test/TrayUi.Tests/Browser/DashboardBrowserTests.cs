using Microsoft.Playwright;
using QbConnector.Engine.Control.Contracts;
using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QbConnector.TrayUi.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardHarness _harness = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ScriptedEngine Engine => _harness.Engine;

    public async Task InitializeAsync()
    {
        _harness = await DashboardHarness.StartAsync();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_company_is_added_from_licence_key_to_linked_through_a_pending_authorisation()
    {
        var companyFile = Path.Combine(_harness.Data.Root, "Rock Castle.QBW");
        await File.WriteAllTextAsync(companyFile, "company");
        await OpenAsync();
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("No company file linked yet.");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Add company…" }).ClickAsync();
        await Shot("add-1-licence-key");
        await _page.GetByLabel("Licence key").FillAsync("LK-2026-ABCD");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        var file = _page.GetByLabel("Company file");
        await file.FillAsync(Path.Combine(_harness.Data.Root, "Missing.QBW"));
        await file.PressAsync("Enter");
        await Expect(_page.Locator("#company-file-error")).ToContainTextAsync("There is no file at that path");
        await Expect(file).ToHaveAttributeAsync("aria-invalid", "true");
        await Shot("add-2-company-file-missing");
        await file.FillAsync(companyFile);
        await file.PressAsync("Enter");

        await _page.GetByLabel("US").CheckAsync();
        var link = _page.GetByRole(AriaRole.Button, new() { Name = "Link with Ledgerly" });
        await Expect(link).ToBeVisibleAsync();
        await Shot("add-3-region");
        await link.ClickAsync();

        await Expect(_page.Locator("#linking-title")).ToHaveTextAsync("Linking with Ledgerly…");
        Engine.Calls.Should().Contain($"link LK-2026-ABCD {companyFile} US");
        var id = (await Engine.GetStatusAsync(default)).Companies.Single().CompanyId;

        Engine.Update(id, c => c with { State = "WaitingForAuthorisation" });
        await Expect(_page.Locator("#linking-title")).ToHaveTextAsync("Waiting for you in QuickBooks");
        await Expect(_page.Locator("#linking-advice")).ToContainTextAsync("Yes, always; allow access even if QuickBooks is not running");
        await Shot("add-4-waiting-for-authorisation");

        Engine.Update(id, c => c with { State = "Syncing", Work = new CurrentWork("w1", "Customer", 0, 0, 3) });
        await Expect(_page.Locator("#linking-bar")).ToHaveAttributeAsync("value", "0");
        Engine.Update(id, c => c with { Work = new CurrentWork("w1", "Invoice", 1200, 2, 3) });
        await Expect(_page.Locator("#linking-bar")).ToHaveAttributeAsync("value", "66");
        await Expect(_page.Locator("#linking-progress-label")).ToContainTextAsync("2 of 3 data types");
        await Shot("add-5-first-sync");

        Engine.Update(id, c => c with { State = "Linked", Work = null, LastSyncs = new Dictionary<string, DateTimeOffset> { ["Customer"] = DateTimeOffset.UtcNow } });
        await Expect(_page.Locator("#linking-title")).ToHaveTextAsync("Linked successfully");
        await Shot("add-6-linked");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Back to companies" }).ClickAsync();
        await Expect(Card("Rock Castle").Locator(".state")).ToHaveTextAsync("Up to date");
    }

    [Fact]
    public async Task A_refused_licence_key_is_explained_at_the_step_that_caused_it()
    {
        var companyFile = Path.Combine(_harness.Data.Root, "Books.QBW");
        await File.WriteAllTextAsync(companyFile, "company");
        await OpenAsync("add");

        await _page.GetByLabel("Licence key").FillAsync("unknown-key");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await _page.GetByLabel("Company file").FillAsync(companyFile);
        await _page.GetByLabel("Company file").PressAsync("Enter");
        await _page.GetByLabel("Canada").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Link with Ledgerly" }).ClickAsync();

        await Expect(_page.Locator("#region-error")).ToHaveTextAsync("Ledgerly does not know that licence key. Copy it again from Ledgerly.");
    }

    [Fact]
    public async Task A_one_time_link_says_it_will_remove_itself_and_then_that_it_did()
    {
        var companyFile = Path.Combine(_harness.Data.Root, "Once.QBW");
        await File.WriteAllTextAsync(companyFile, "company");
        Engine.OneTime = new OneTimeRun(false);
        await OpenAsync("add");
        await _page.GetByLabel("Licence key").FillAsync("LK-ONCE");
        await _page.GetByLabel("Licence key").PressAsync("Enter");
        await _page.GetByLabel("Company file").FillAsync(companyFile);
        await _page.GetByLabel("Company file").PressAsync("Enter");
        await _page.GetByLabel("UK").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Link with Ledgerly" }).ClickAsync();

        await Expect(_page.Locator("#linking-one-time")).ToContainTextAsync("once the first sync is done, the connector removes itself");
        var id = (await Engine.GetStatusAsync(default)).Companies.Single().CompanyId;
        Engine.Update(id, c => c with { State = "Syncing", Work = new CurrentWork("w", "Account", 10, 0, 2, 20) });
        await Expect(_page.Locator("#linking-bar")).ToHaveAttributeAsync("value", "50");

        Engine.Update(id, c => c with { State = "Linked", Work = null });
        Engine.OneTime = new OneTimeRun(true);
        await Expect(_page.Locator("#linking-one-time")).ToHaveTextAsync("Done: the connector has removed itself from this PC.");

        // The engine's last word was that it finished; then it is gone, as it said it would be.
        await _harness.StopEngineAsync();
        await Expect(_page.Locator("#engine-down")).ToBeHiddenAsync();
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("Done: the connector has removed itself from this PC.");
        await Shot("one-time-done");
    }

    [Fact]
    public async Task Sync_now_shows_the_progress_bar_moving_to_done()
    {
        var company = Engine.Add("Larry's Landscaping");
        await OpenAsync();
        var card = Card("Larry's Landscaping");
        await Expect(card.Locator(".platform")).ToHaveTextAsync("Linked with Ledgerly");

        await card.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Eventually(() => Engine.Calls.Contains($"sync {company.CompanyId}"));

        Engine.Update(company.CompanyId, c => c with { State = "Syncing", Work = new CurrentWork("w", "Customer", 0, 0, 4, 4000) });
        var bar = card.Locator("progress");
        await Expect(bar).ToHaveAttributeAsync("value", "0");
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("Syncing Larry's Landscaping: 0 %.");
        Engine.Update(company.CompanyId, c => c with { Work = new CurrentWork("w", "Invoice", 3000, 2, 4, 4000) });
        await Expect(bar).ToHaveAttributeAsync("value", "75");
        await Expect(card.Locator(".work-label")).ToContainTextAsync("of 4,000 records");
        await Shot("sync-progress");

        var done = DateTimeOffset.UtcNow;
        Engine.Update(company.CompanyId, c => c with { State = "Linked", Work = null, LastSyncs = new Dictionary<string, DateTimeOffset> { ["Customer"] = done, ["Invoice"] = done } });
        await Expect(card.Locator(".work")).ToBeHiddenAsync();
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date");
        await card.GetByText("Last successful syncs").ClickAsync();
        await Expect(card.Locator(".syncs tbody tr")).ToHaveCountAsync(2);
        await Expect(_page.Locator("#headline")).ToContainTextAsync("All up to date. Last sync");
        await Shot("sync-done");
    }

    [Fact]
    public async Task Pause_for_24_hours_then_resume()
    {
        var company = Engine.Add("Rock Castle");
        await OpenAsync();
        var card = Card("Rock Castle");

        await card.GetByRole(AriaRole.Button, new() { Name = "Pause 24 hours" }).ClickAsync();

        await Expect(card.Locator(".state")).ToHaveTextAsync("Paused");
        await Expect(card.Locator(".paused")).ToContainTextAsync("Paused until");
        await Expect(_page.Locator("#resume-all")).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToBeDisabledAsync();
        Engine.Calls.Should().Contain($"pause {company.CompanyId} 1.00:00:00");
        await Shot("paused");

        await card.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date");
        await Expect(card.Locator(".paused")).ToBeHiddenAsync();
        await Expect(_page.Locator("#pause-all")).ToBeVisibleAsync();
        Engine.Calls.Should().Contain($"resume {company.CompanyId}");
    }

    [Fact]
    public async Task Another_company_file_open_is_shown_with_its_fix_a_retry_and_clears_by_itself()
    {
        var company = Engine.Add("Rock Castle");
        await OpenAsync();
        var card = Card("Rock Castle");

        Engine.Update(company.CompanyId, c => c with
        {
            State = "NeedsAttention",
            Problem = new Problem(
                "QuickBooks has another company file open (Sample Bakery).",
                "In QuickBooks, choose File > Close Company, then open Rock Castle, or close QuickBooks altogether. The connector carries on by itself.",
                "AnotherCompanyFileOpen",
                DateTimeOffset.UtcNow),
        });

        var problem = card.GetByRole(AriaRole.Alert);
        await Expect(problem).ToContainTextAsync("What happened: QuickBooks has another company file open (Sample Bakery).");
        await Expect(problem).ToContainTextAsync("What to do: In QuickBooks, choose File > Close Company");
        await Expect(_page.Locator("#headline")).ToHaveAttributeAsync("data-kind", "NeedsYou");
        await Shot("another-company-file-open");

        await problem.GetByRole(AriaRole.Button, new() { Name = "Try again now" }).ClickAsync();
        await Eventually(() => Engine.Calls.Contains($"sync {company.CompanyId}"));

        Engine.Update(company.CompanyId, c => c with { State = "Linked", Problem = null });
        await Expect(card.Locator(".problem")).ToBeHiddenAsync();
        await Expect(_page.Locator("#headline")).ToHaveAttributeAsync("data-kind", "AllGood");
    }

    [Fact]
    public async Task Removing_a_company_asks_first_and_can_be_called_off()
    {
        var keep = Engine.Add("Keep Me");
        var gone = Engine.Add("Sample Bakery");
        await OpenAsync();
        var card = Card("Sample Bakery");

        await card.GetByRole(AriaRole.Button, new() { Name = "Remove…" }).ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Remove Sample Bakery?");
        await Expect(dialog).ToContainTextAsync("Data already sent to Ledgerly stays there.");
        await Shot("remove-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Engine.Calls.Should().NotContain(c => c.StartsWith("unlink", StringComparison.Ordinal));

        await card.GetByRole(AriaRole.Button, new() { Name = "Remove…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();

        await Expect(_page.Locator(".company")).ToHaveCountAsync(1);
        await Expect(Card("Keep Me")).ToBeVisibleAsync();
        Engine.Calls.Should().Contain($"unlink {gone.CompanyId}").And.NotContain($"unlink {keep.CompanyId}");
    }

    [Fact]
    public async Task The_page_says_when_the_engine_is_not_running_and_recovers_when_it_starts()
    {
        Engine.Add("Rock Castle");
        await _harness.StopEngineAsync();
        await OpenAsync();

        await Expect(_page.Locator("#engine-down")).ToBeVisibleAsync();
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("The connector is not running.");
        await Shot("engine-not-running");

        await _harness.StartEngineAsync();

        await Expect(_page.Locator("#engine-down")).ToBeHiddenAsync();
        await Expect(Card("Rock Castle")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_dashboard_is_usable_at_200_percent_zoom_with_the_keyboard()
    {
        Engine.Add("Rock Castle", lastSyncs: new Dictionary<string, DateTimeOffset> { ["Customer"] = DateTimeOffset.UtcNow });
        // 200 % zoom: half the CSS pixels across the same window.
        await _page.SetViewportSizeAsync(500, 900);
        await OpenAsync();
        await Expect(Card("Rock Castle")).ToBeVisibleAsync();

        var overflow = await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        overflow.Should().BeFalse("nothing may need sideways scrolling at 200 % zoom");
        await Shot("zoom-200");

        // Keyboard only: tab to "Add company…" and press Enter.
        for (var i = 0; i < 10 && await _page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "add-open"; i++)
        {
            await _page.Keyboard.PressAsync("Tab");
        }

        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.GetByLabel("Licence key")).ToBeFocusedAsync();
    }

    private ILocator Card(string name) => _page.Locator(".company", new() { Has = _page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    private async Task OpenAsync(string? fragment = null)
    {
        await _page.GotoAsync(_harness.Dashboard.OpenUri(fragment).AbsoluteUri);
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?]*$"));
    }

    private Task Shot(string name) => _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });

    private static Task Eventually(Func<bool> condition) => TestSupport.Eventually.TrueAsync(condition);
}
