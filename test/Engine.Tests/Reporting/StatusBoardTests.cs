using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Tests.Reporting;

public sealed class StatusBoardTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_waiter_is_woken_by_the_next_change()
    {
        var board = new StatusBoard();
        var changed = board.WhenChangedAsync(CancellationToken.None);
        changed.IsCompleted.Should().BeFalse();

        board.Set(Status("c1", "Syncing"));

        await changed.WaitAsync(TimeSpan.FromSeconds(5));
        board.WhenChangedAsync(CancellationToken.None).IsCompleted.Should().BeFalse("each wait is for a change after it began");
    }

    [Fact]
    public void A_removed_company_shows_as_deauthorised_and_its_late_reports_are_ignored_until_it_is_linked_again()
    {
        var board = new StatusBoard();
        board.Set(Status("c1", "Syncing"));

        board.MarkRemoved("c1", "Unlinked on this PC.", At);
        board.Set(Status("c1", "Syncing"));

        board.Get("c1")!.State.Should().Be("Deauthorised");
        board.Get("c1")!.Work.Should().BeNull();
        board.Get("c1")!.Problem!.Message.Should().Be("Unlinked on this PC.");

        board.Linked("c1");
        board.Set(Status("c1", "Linked"));
        board.Get("c1")!.State.Should().Be("Linked");
    }

    [Fact]
    public void One_time_is_shown_while_a_company_links_once_and_once_the_run_has_finished()
    {
        var board = new StatusBoard();
        board.OneTime.Should().BeNull();

        board.SetOneTime("c1", true);
        board.OneTime.Should().Be(new OneTimeRun(false));

        board.MarkRemoved("c1", "done", At);
        board.OneTime.Should().BeNull();

        board.MarkOneTimeFinished();
        board.OneTime.Should().Be(new OneTimeRun(true));
    }

    private static CompanyStatus Status(string id, string state) =>
        new(id, "Name", "file.qbw", state, new CurrentWork("w", "customers", 1, 0, 1), new Dictionary<string, DateTimeOffset>(), null, null, null);
}
