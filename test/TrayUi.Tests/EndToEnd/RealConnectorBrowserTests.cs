using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QbConnector.TrayUi.Tests.Browser;
using QbConnector.TrayUi.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace QbConnector.TrayUi.Tests.EndToEnd;

/// <summary>The dashboard in a real browser against the real engine, cloud emulator and sandbox QuickBooks.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RealConnectorBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    // The cloud emulator's platform fetches all its data types at a first link.
    private const int FirstLinkDataTypes = 20;

    // Waits that span real work: a QuickBooks poll while the person decides, a first sync, a retry.
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 90_000 };

    private RealConnector _connector = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _connector = await RealConnector.StartAsync();
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_company_is_linked_from_the_dashboard_through_a_pending_authorisation_to_its_first_sync()
    {
        var file = await _connector.CreateCompanyFileAsync("Rock Castle Construction", scale: 400);
        await _connector.SetQuickBooksStateAsync(file, "access-not-yet-granted");
        var licenceKey = await _connector.Cloud.CreateCompanyAsync("Rock Castle Construction", "US");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("No company file linked yet.");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Add company…" }).ClickAsync();
        await _page.GetByLabel("Licence key").FillAsync(licenceKey);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await _page.GetByLabel("Company file").FillAsync(file);
        await _page.GetByLabel("Company file").PressAsync("Enter");
        await _page.GetByLabel("US").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { NameRegex = LinkButton() }).ClickAsync();

        await Expect(_page.Locator("#linking-title")).ToHaveTextAsync("Waiting for you in QuickBooks", Slow);
        await Expect(_page.Locator("#linking-advice")).ToContainTextAsync("Yes, always");
        await Shot("real-add-waiting-for-authorisation");

        // The person answers QuickBooks' prompt: "Yes, always".
        await _connector.SetQuickBooksStateAsync(file, "access-granted-always");

        await Expect(_page.Locator("#linking-title")).ToHaveTextAsync("Linked successfully", Slow);
        await Shot("real-add-linked");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Back to companies" }).ClickAsync();
        var card = Card("Rock Castle Construction");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);
        await card.GetByText("Last successful syncs").ClickAsync();
        (await card.Locator(".syncs tbody tr").CountAsync()).Should().BeGreaterThan(1, "the first link fetched several data types");

        var customers = await _connector.Cloud.GetJsonAsync($"companies/{licenceKey}/data/customers/stats");
        customers.GetProperty("existingRecords").GetInt64().Should().BeGreaterThan(0, "the first sync reached the cloud");
    }

    [Fact]
    public async Task Another_company_file_open_is_shown_with_its_fix_and_clears_by_itself()
    {
        var (_, file) = await LinkAsync("Sample Bakery");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        var card = Card("Sample Bakery");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);

        // Once the connector has handed QuickBooks back, the person opens another company file in it.
        await _connector.Engine.WaitForLineAsync(l => l.Contains("Ending the QuickBooks session", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await _connector.SetQuickBooksStateAsync(file, "other-company-file-open");
        await card.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        var problem = card.GetByRole(AriaRole.Alert);
        await Expect(problem).ToContainTextAsync("What happened:", new() { Timeout = 30_000 });
        await Expect(problem).ToContainTextAsync("Another company file is open in QuickBooks.");
        await Expect(problem).ToContainTextAsync("What to do:");
        await Expect(_page.Locator("#headline")).ToHaveAttributeAsync("data-kind", "NeedsYou");
        await Shot("real-another-company-file-open");

        // The person closes the other file; the connector notices by itself.
        await _connector.SetQuickBooksStateAsync(file, "ready");

        await Expect(card.Locator(".problem")).ToBeHiddenAsync(new() { Timeout = 90_000 });
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);
    }

    [Fact]
    public async Task Pausing_for_24_hours_holds_the_real_engine_and_resuming_releases_it()
    {
        await LinkAsync("Rock Castle Construction");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        var card = Card("Rock Castle Construction");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);

        await card.GetByRole(AriaRole.Button, new() { Name = "Pause 24 hours" }).ClickAsync();

        await Expect(card.Locator(".state")).ToHaveTextAsync("Paused");
        await Expect(card.Locator(".paused")).ToContainTextAsync("Paused until");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToBeDisabledAsync();
        var paused = (await _connector.Engine.StatusAsync()).GetProperty("companies")[0];
        paused.GetProperty("state").GetString().Should().Be("Paused");
        paused.GetProperty("pausedUntil").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(24), TimeSpan.FromMinutes(5));
        await Shot("real-paused");

        await card.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date");
        await Expect(card.Locator(".paused")).ToBeHiddenAsync();
        var resumed = (await _connector.Engine.StatusAsync()).GetProperty("companies")[0];
        resumed.GetProperty("state").GetString().Should().Be("Linked");
    }

    [Fact]
    public async Task Removing_one_company_unlinks_it_in_the_real_engine_and_leaves_the_other()
    {
        var (keep, _) = await LinkAsync("Keep Me Ltd");
        var (gone, _) = await LinkAsync("Sample Bakery");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        await Expect(Card("Sample Bakery").Locator(".state")).ToHaveTextAsync("Up to date", Slow);
        await Expect(Card("Keep Me Ltd").Locator(".state")).ToHaveTextAsync("Up to date", Slow);

        await Card("Sample Bakery").GetByRole(AriaRole.Button, new() { Name = "Remove…" }).ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Remove Sample Bakery?");
        await Shot("real-remove-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();

        // The removed company says what happened to it until the engine next starts; the other syncs on.
        await Expect(Card("Sample Bakery").Locator(".state")).ToHaveTextAsync("Access removed", new() { Timeout = 30_000 });
        await Expect(Card("Sample Bakery").GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToHaveCountAsync(0);
        await Expect(Card("Keep Me Ltd").Locator(".state")).ToHaveTextAsync("Up to date");
        await Shot("real-removed");
        var states = (await _connector.Engine.StatusAsync()).GetProperty("companies").EnumerateArray()
            .ToDictionary(c => c.GetProperty("companyId").GetString()!, c => c.GetProperty("state").GetString());
        states.Should().Equal(new Dictionary<string, string?> { [keep] = "Linked", [gone] = "Deauthorised" });
    }

    [Fact]
    public async Task Sync_now_moves_the_progress_bar_of_the_real_engine_forward_only_until_the_sync_is_done()
    {
        var (_, file) = await LinkAsync("Larry's Landscaping");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        var card = Card("Larry's Landscaping");
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);

        // QuickBooks answers slowly enough for the bar to be seen between its ends.
        await _connector.SlowQuickBooksAsync(file, millisecondsPerRequest: 150);

        // Every value the page gives the bar from now on, as the person would see it.
        await _page.EvaluateAsync(BarRecorder);
        var clicked = DateTimeOffset.UtcNow;
        await card.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        // Seen on its way (the bar keeps the last run's value while hidden, so only shown values count).
        await _page.WaitForFunctionAsync(SeenBetweenEnds, null, new() { Timeout = 30_000 });
        await Expect(card.Locator(".work-label")).ToHaveTextAsync(WorkLabel());
        await Shot("real-sync-progress");

        await Expect(card.Locator(".work")).ToBeHiddenAsync(new() { Timeout = 45_000 });
        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date");
        await Shot("real-sync-done");

        var values = await _page.EvaluateAsync<int[]>("() => window.barValues");
        values.Should().NotBeEmpty().And.BeInAscendingOrder("the bar only moves forward");
        values.Should().Contain(v => v > 0 && v < 100, "the bar was seen on its way");
        var company = (await _connector.Engine.StatusAsync()).GetProperty("companies")[0];
        var synced = company.GetProperty("lastSyncs").EnumerateObject().Select(p => p.Value.GetDateTimeOffset()).ToList();
        synced.Should().NotBeEmpty().And.OnlyContain(at => at >= clicked.AddSeconds(-1), "done means every data type synced again");
    }

    [Fact]
    public async Task The_first_link_sync_of_every_data_type_shows_as_one_bar_moving_forward_only_until_done()
    {
        var file = await _connector.CreateCompanyFileAsync("Northwind Traders", scale: 150);
        await _connector.SlowQuickBooksAsync(file, millisecondsPerRequest: 40);
        var licenceKey = await _connector.Cloud.CreateCompanyAsync("Northwind Traders", "US");
        await _page.GotoAsync(_connector.DashboardUri.AbsoluteUri);
        await Expect(_page.Locator("#headline")).ToHaveTextAsync("No company file linked yet.");
        await _page.EvaluateAsync(BarRecorder);

        var linked = await _connector.Engine.CliAsync("link", "--license-key", licenceKey, "--company-file", file, "--region", "US");
        linked.ExitCode.Should().Be(0, linked.Output);

        // The cloud sends one work item per data type; the person sees one bar for all of them.
        var card = Card("Northwind Traders");
        await Expect(card.Locator(".work-label")).ToContainTextAsync($" of {FirstLinkDataTypes} data types", new() { Timeout = 30_000 });
        await _page.WaitForFunctionAsync(SeenBetweenEnds, null, new() { Timeout = 30_000 });
        await Shot("real-first-link-progress");

        await Expect(card.Locator(".state")).ToHaveTextAsync("Up to date", Slow);
        await Expect(card.Locator(".work")).ToBeHiddenAsync();
        var values = await _page.EvaluateAsync<int[]>("() => window.barValues");
        values.Should().BeInAscendingOrder("the bar only moves forward, across the cloud's work items").And.Contain(v => v > 0 && v < 100);
        var company = (await _connector.Engine.StatusAsync()).GetProperty("companies")[0];
        company.GetProperty("lastSyncs").EnumerateObject().Should().HaveCount(FirstLinkDataTypes, "done means every data type synced");
    }

    /// <summary>Links a new sandbox company file with the CLI, as a script or a second person would.</summary>
    private async Task<(string LicenceKey, string CompanyFile)> LinkAsync(string name)
    {
        var file = await _connector.CreateCompanyFileAsync(name, scale: 150);
        var licenceKey = await _connector.Cloud.CreateCompanyAsync(name, "US");
        var linked = await _connector.Engine.CliAsync("link", "--license-key", licenceKey, "--company-file", file, "--region", "US");
        linked.ExitCode.Should().Be(0, linked.Output);
        return (licenceKey, file);
    }

    private ILocator Card(string name) => _page.Locator(".company", new() { Has = _page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    private Task Shot(string name) => _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });

    [GeneratedRegex("^Link")]
    private static partial Regex LinkButton();

    [GeneratedRegex(@"^\d{1,2} % · [\d,]+ records fetched · \d+ of \d+ data types")]
    private static partial Regex WorkLabel();

    private const string SeenBetweenEnds = "() => window.barValues.some((v) => v > 0 && v < 100)";

    // Records each value a shown progress bar is given (a change of its value attribute).
    private const string BarRecorder = """
        () => {
          window.barValues = [];
          new MutationObserver((changes) => {
            for (const change of changes) {
              const work = change.target.closest(".work");
              if (work && !work.hidden) window.barValues.push(Number(change.target.getAttribute("value")));
            }
          }).observe(document.getElementById("companies"), { subtree: true, attributes: true, attributeFilter: ["value"] });
        }
        """;
}
