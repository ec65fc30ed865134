using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Gateway.Scheduling;

public class GatewaySchedulerTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly GatewayScheduler<string> _scheduler;

    public GatewaySchedulerTests()
    {
        _scheduler = new GatewayScheduler<string>(
            new GatewaySchedulerOptions
            {
                Quantum = TimeSpan.FromSeconds(30),
                MaxHold = TimeSpan.FromSeconds(120),
                FollowUpGrace = TimeSpan.FromSeconds(2),
                IdleTimeout = TimeSpan.FromSeconds(60),
            },
            _clock);
    }

    [Fact]
    public void The_first_request_opens_its_file()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");

        var decision = _scheduler.TryTakeNext();

        decision!.Work.Item.Should().Be("a1");
        decision.SwitchFile.Should().BeTrue();
        _scheduler.CurrentFile.Should().Be("a.qbw");
        _scheduler.TryTakeNext().Should().BeNull();
    }

    [Fact]
    public void The_open_file_keeps_the_session_while_it_has_work_until_its_quantum_is_spent()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take().Should().Be("a1");
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2");

        _clock.Advance(TimeSpan.FromSeconds(29));
        Take().Should().Be("a2", "switching files is slow, so the open file keeps going within its quantum");

        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a3");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var decision = _scheduler.TryTakeNext()!;
        decision.Work.Item.Should().Be("b1", "the quantum is spent and another file waits");
        decision.SwitchFile.Should().BeTrue();
    }

    [Fact]
    public void The_quantum_counts_from_when_the_file_is_open_not_from_when_opening_began()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take();
        _clock.Advance(TimeSpan.FromSeconds(12));
        _scheduler.FileOpened();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");

        _clock.Advance(TimeSpan.FromSeconds(29));
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2");
        Take().Should().Be("a2", "41 s since the switch, but only 29 s of them with the file open");

        _clock.Advance(TimeSpan.FromSeconds(1));
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a3");
        Take().Should().Be("b1");
    }

    [Fact]
    public void A_file_inside_an_iterator_may_hold_past_its_quantum_but_not_past_the_maximum()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");

        _clock.Advance(TimeSpan.FromSeconds(60));
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2", continuesIterator: true);
        Take().Should().Be("a2");

        _clock.Advance(TimeSpan.FromSeconds(60));
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a3", continuesIterator: true);
        Take().Should().Be("b1");
    }

    [Fact]
    public void Interactive_work_goes_first_even_if_it_needs_another_file()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take();
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2", continuesIterator: true);
        _scheduler.Enqueue("b.qbw", GatewayPriority.Interactive, "push-b");

        var decision = _scheduler.TryTakeNext()!;

        decision.Work.Item.Should().Be("push-b");
        decision.SwitchFile.Should().BeTrue();
    }

    [Fact]
    public void Interactive_work_of_the_open_file_is_preferred_to_interactive_work_elsewhere()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Interactive, "push-b");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Interactive, "push-a");

        Take().Should().Be("push-a");
        Take().Should().Be("push-b");
        Take().Should().Be("a2");
    }

    [Fact]
    public void A_follow_up_is_awaited_briefly_before_another_file_is_served()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page1");
        Take();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");

        _scheduler.Completed("a.qbw", followUpExpected: true);

        _scheduler.TryTakeNext().Should().BeNull("the next page of a.qbw is on its way");
        _scheduler.NextWakeUp().Should().Be(_clock.GetUtcNow().AddSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(1));
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page2", continuesIterator: true);
        Take().Should().Be("page2");
    }

    [Fact]
    public void A_follow_up_that_does_not_come_within_the_grace_period_lets_other_files_go()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page1");
        Take();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");
        _scheduler.Completed("a.qbw", followUpExpected: true);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Take().Should().Be("b1");
    }

    [Fact]
    public void A_follow_up_is_still_awaited_after_another_request_of_the_same_file_is_served_meanwhile()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page1");
        Take();
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "clear-push");
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");

        _scheduler.Completed("a.qbw", followUpExpected: true);
        Take().Should().Be("clear-push", "the open file has work, so nothing waits");
        _scheduler.Completed("a.qbw", followUpExpected: false);

        _scheduler.TryTakeNext().Should().BeNull("page 2 was promised before the push's request was served, and has not come yet");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page2", continuesIterator: true);
        Take().Should().Be("page2");
    }

    [Fact]
    public void Two_senders_promises_on_one_file_are_each_awaited()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Interactive, "push-write");
        Take();
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page1");
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");
        _scheduler.Completed("a.qbw", followUpExpected: true);
        Take().Should().Be("page1");
        _scheduler.Completed("a.qbw", followUpExpected: true);

        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "push-clear");
        Take().Should().Be("push-clear");
        _scheduler.Completed("a.qbw", followUpExpected: false);

        _scheduler.TryTakeNext().Should().BeNull("the push's follow-up came, the sync's has not");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "page2", continuesIterator: true);
        Take().Should().Be("page2");
        _scheduler.Completed("a.qbw", followUpExpected: false);
        Take().Should().Be("b1", "nothing more is promised");
    }

    [Fact]
    public void A_sender_with_nothing_more_to_ask_lets_other_files_go_at_once()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "last");
        Take();
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");
        _scheduler.Completed("a.qbw", followUpExpected: true);
        _scheduler.TryTakeNext().Should().BeNull();

        _scheduler.NoFollowUp("a.qbw");

        Take().Should().Be("b1", "waiting out the grace period would leave QuickBooks idle");
    }

    [Fact]
    public void The_session_is_ended_after_the_idle_timeout_and_reopened_by_the_next_request()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        Take();
        _scheduler.Completed("a.qbw", followUpExpected: false);

        _clock.Advance(TimeSpan.FromSeconds(59));
        _scheduler.ShouldEndIdleSession().Should().BeFalse();
        _scheduler.NextWakeUp().Should().Be(_clock.GetUtcNow().AddSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        _scheduler.ShouldEndIdleSession().Should().BeTrue();

        _scheduler.SessionEnded();
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a2");
        _scheduler.TryTakeNext()!.SwitchFile.Should().BeTrue();
    }

    [Fact]
    public void Removing_a_file_returns_its_waiting_requests_and_leaves_others()
    {
        _scheduler.Enqueue("a.qbw", GatewayPriority.Scheduled, "a1");
        _scheduler.Enqueue("a.qbw", GatewayPriority.Interactive, "a2");
        _scheduler.Enqueue("b.qbw", GatewayPriority.Scheduled, "b1");

        _scheduler.RemoveAll("a.qbw").Select(w => w.Item).Should().BeEquivalentTo("a1", "a2");

        _scheduler.PendingCount.Should().Be(1);
        Take().Should().Be("b1");
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(10, 2)]
    [InlineData(50, 1)]
    public void No_file_starves_while_every_file_always_has_work(int files, int secondsPerRequest)
    {
        var lastServed = Enumerable.Range(0, files).ToDictionary(i => $"f{i}.qbw", _ => _clock.GetUtcNow());
        foreach (var file in lastServed.Keys)
        {
            _scheduler.Enqueue(file, GatewayPriority.Scheduled, file);
        }

        var longestWait = TimeSpan.Zero;
        var switches = 0;
        for (var step = 0; step < files * 100; step++)
        {
            var decision = _scheduler.TryTakeNext()!;
            switches += decision.SwitchFile ? 1 : 0;
            var file = decision.Work.CompanyFile;
            longestWait = TimeSpan.FromTicks(Math.Max(longestWait.Ticks, (_clock.GetUtcNow() - lastServed[file]).Ticks));
            _clock.Advance(TimeSpan.FromSeconds(secondsPerRequest));
            lastServed[file] = _clock.GetUtcNow();
            _scheduler.Completed(file, followUpExpected: false);
            _scheduler.Enqueue(file, GatewayPriority.Scheduled, file);
        }

        // A full round of the other files, each holding for one quantum (plus the request that crosses it).
        var bound = (files - 1) * (TimeSpan.FromSeconds(30) + TimeSpan.FromSeconds(secondsPerRequest));
        longestWait.Should().BeLessThanOrEqualTo(bound);
        switches.Should().BeLessThanOrEqualTo(files * 100 * secondsPerRequest / 30 + files, "files switch once per quantum, not per request");
    }

    private string Take() => _scheduler.TryTakeNext()!.Work.Item;
}
