using QbConnector.Engine.Control.Contracts;
using QbConnector.TestSupport;
using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Status;
using QbConnector.TrayUi.Tray;
using static QbConnector.TrayUi.Tests.Support.Statuses;

namespace QbConnector.TrayUi.Tests.Tray;

public sealed class TrayPresenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Now);

    [Fact]
    public void No_engine_shows_the_not_running_icon_and_only_what_still_works()
    {
        var view = TrayPresenter.Present(EngineView.Unknown, _clock);

        view.Icon.Should().Be(OverallKind.EngineNotRunning);
        view.Tooltip.Should().Be("QuickBooks connector: The connector is not running.");
        Enabled(view).Should().Equal(TrayCommand.OpenDashboard, TrayCommand.Quit);
    }

    [Fact]
    public void A_stale_status_from_a_stopped_engine_is_not_shown_as_live()
    {
        var stale = new EngineView(false, EngineWith(Company(state: "Syncing")));

        TrayPresenter.Present(stale, _clock).Icon.Should().Be(OverallKind.EngineNotRunning);
    }

    [Fact]
    public void All_good_says_when_the_books_last_flowed()
    {
        var status = EngineWith(
            Company("A", lastSyncs: new Dictionary<string, DateTimeOffset> { ["Customer"] = Now.AddHours(-3), ["Invoice"] = Now.AddMinutes(-5) }),
            Company("B", lastSyncs: new Dictionary<string, DateTimeOffset> { ["Customer"] = Now.AddHours(-1) }));

        var view = TrayPresenter.Present(new EngineView(true, status), _clock);

        view.Icon.Should().Be(OverallKind.AllGood);
        view.Tooltip.Should().Be("QuickBooks connector: All up to date. Last sync 13:55.");
        Enabled(view).Should().Equal(TrayCommand.OpenDashboard, TrayCommand.SyncNow, TrayCommand.Pause24Hours, TrayCommand.AddCompany, TrayCommand.Quit);
    }

    [Fact]
    public void An_older_sync_names_its_day()
    {
        var status = EngineWith(Company(lastSyncs: new Dictionary<string, DateTimeOffset> { ["Customer"] = Now.AddDays(-2) }));

        TrayPresenter.Present(new EngineView(true, status), _clock).Tooltip.Should().EndWith("Last sync Sun 8 Mar 14:00.");
    }

    [Fact]
    public void Syncing_shows_the_progress_of_the_one_company_at_work()
    {
        var status = EngineWith(Company("A"), Company("B", state: "Syncing", work: new CurrentWork("w", "Invoice", 300, 1, 4, 1200)));

        var view = TrayPresenter.Present(new EngineView(true, status), _clock);

        view.Icon.Should().Be(OverallKind.Syncing);
        view.Tooltip.Should().Be("QuickBooks connector: Syncing B: 25 %.");
    }

    [Fact]
    public void The_engines_own_fraction_drives_the_progress_over_records_and_data_types()
    {
        Progress.Percent(new CurrentWork("w", "Invoice", 300, 1, 4, Fraction: 0.427)).Should().Be(42);
        Progress.Percent(new CurrentWork("w", "Invoice", 300, 1, 4, RecordsTotal: 400, Fraction: 0.3)).Should().Be(30);
        Progress.Percent(new CurrentWork("w", "Invoice", 300, 3, 4, Fraction: 0.9999)).Should().Be(99, "100 % is only for work that is done");
        Progress.Percent(new CurrentWork("w", null, 9, 4, 4, Fraction: 1)).Should().Be(100);
        Progress.Fraction(new CurrentWork("w", null, 0, 0, 1, Fraction: -0.5)).Should().Be(0);
        Progress.Fraction(new CurrentWork("w", null, 0, 0, 1, Fraction: 7)).Should().Be(1);
        Progress.Fraction(new CurrentWork("w", null, 0, 2, 4, Fraction: double.NaN)).Should().Be(0.5, "a measure that is no number is ignored");
    }

    [Fact]
    public void A_run_of_several_items_is_shown_by_its_own_numbers()
    {
        var work = new CurrentWork("w3", "invoices", 40, 0, 1, Fraction: 0.6, Run: new WorkRun(5, 1_234, 3, 5));

        DashboardViews.Work(work).Should().Be(new WorkView("invoices", 1_234, null, 3, 5, 60));
        Progress.Fraction(work with { Fraction = null }).Should().Be(0.6, "without the engine's measure, the run's data types count");
        DashboardViews.Work(new CurrentWork("w", "invoices", 40, 0, 1, 200)).Should().Be(new WorkView("invoices", 40, 200, 0, 1, 20));
    }

    [Fact]
    public void Without_a_record_total_progress_counts_data_types()
    {
        Progress.Percent(new CurrentWork("w", "Invoice", 300, 3, 4)).Should().Be(75);
        Progress.Percent(new CurrentWork("w", null, 0, 0, 0)).Should().Be(0);
        Progress.Percent(new CurrentWork("w", null, 5000, 0, 1, 10)).Should().Be(100);
    }

    [Fact]
    public void A_company_that_needs_the_person_wins_over_syncing_and_says_why()
    {
        var problem = new Problem("Another company file is open in QuickBooks.", "Close it, or open this one.", "AnotherFileOpen", Now);
        var status = EngineWith(Company("A", state: "Syncing", work: new CurrentWork("w", null, 1, 0, 2)), Company("B", state: "NeedsAttention", problem: problem));

        var view = TrayPresenter.Present(new EngineView(true, status), _clock);

        view.Icon.Should().Be(OverallKind.NeedsYou);
        view.Tooltip.Should().Be("QuickBooks connector: B: Another company file is open in QuickBooks.");
    }

    [Theory]
    [InlineData("WaitingForAuthorisation")]
    [InlineData("Deauthorised")]
    [InlineData("NeedsAttention")]
    public void Every_state_that_needs_the_person_shows_the_needs_you_icon(string state)
    {
        var view = TrayPresenter.Present(new EngineView(true, EngineWith(Company(state: state))), _clock);

        view.Icon.Should().Be(OverallKind.NeedsYou);
    }

    [Fact]
    public void Several_companies_needing_the_person_are_counted()
    {
        var status = EngineWith(Company("A", state: "NeedsAttention"), Company("B", state: "Deauthorised"));

        TrayPresenter.Present(new EngineView(true, status), _clock).Tooltip.Should().Be("QuickBooks connector: 2 company files need you.");
    }

    [Fact]
    public void Offline_needs_the_person()
    {
        var status = EngineWith(Company()) with { CloudConnected = false };

        var view = TrayPresenter.Present(new EngineView(true, status), _clock);

        view.Icon.Should().Be(OverallKind.NeedsYou);
        view.Tooltip.Should().Contain("Offline");
    }

    [Fact]
    public void When_everything_is_paused_the_menu_offers_resume_and_no_sync()
    {
        var status = EngineWith(Company("A", state: "Paused", pausedUntil: Now.AddHours(24)), Company("B", state: "Paused", pausedUntil: Now.AddHours(2)));

        var view = TrayPresenter.Present(new EngineView(true, status), _clock);

        view.Icon.Should().Be(OverallKind.AllGood);
        view.Tooltip.Should().Be("QuickBooks connector: Paused until 16:00.");
        view.Menu.Select(i => i.Label).Should().Contain("Resume").And.NotContain("Pause 24 hours");
        Enabled(view).Should().NotContain(TrayCommand.SyncNow);
    }

    [Fact]
    public void No_company_yet_leaves_only_adding_one()
    {
        var view = TrayPresenter.Present(new EngineView(true, EngineWith()), _clock);

        view.Tooltip.Should().Be("QuickBooks connector: No company file linked yet.");
        Enabled(view).Should().Equal(TrayCommand.OpenDashboard, TrayCommand.AddCompany, TrayCommand.Quit);
    }

    [Fact]
    public void The_tooltip_always_fits_the_notification_area()
    {
        var problem = new Problem(new string('x', 400), "fix", "X", Now);

        var tooltip = TrayPresenter.Present(new EngineView(true, EngineWith(Company(state: "NeedsAttention", problem: problem))), _clock).Tooltip;

        tooltip.Length.Should().Be(TrayPresenter.MaxTooltipLength);
        tooltip.Should().EndWith("…");
    }

    [Fact]
    public void Open_dashboard_is_the_default_item_and_quit_comes_last_after_a_separator()
    {
        var menu = TrayPresenter.Present(EngineView.Unknown, _clock).Menu;

        menu[0].Should().Match<TrayMenuItem>(i => i.Command == TrayCommand.OpenDashboard && i.IsDefault);
        menu[^2].Should().Be(TrayMenuItem.Separator);
        menu[^1].Command.Should().Be(TrayCommand.Quit);
    }

    [Fact]
    public void A_one_time_install_that_finished_and_left_says_so()
    {
        var status = EngineWith(Company()) with { OneTime = new OneTimeRun(true) };

        var view = TrayPresenter.Present(new EngineView(false, status), _clock);

        view.Icon.Should().Be(OverallKind.AllGood);
        view.Tooltip.Should().Contain("removed itself");
    }

    private static List<TrayCommand> Enabled(TrayView view) => view.Menu.Where(i => i.Enabled && i.Command is not null).Select(i => i.Command!.Value).ToList();
}
