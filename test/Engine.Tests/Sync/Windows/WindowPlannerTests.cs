using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Tests.Sync.Windows;

public class WindowPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 30, 15, TimeSpan.Zero);

    [Fact]
    public void A_first_sync_starts_at_the_QuickBooks_epoch()
    {
        var planner = new WindowPlanner(new WindowPlannerOptions());

        var first = planner.First(watermark: null, Now);

        first.From.Should().Be(WindowPlannerOptions.QuickBooksEpoch);
        first.Span.Should().Be(TimeSpan.FromDays(365) - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void An_incremental_sync_reaches_back_by_the_safety_overlap()
    {
        var planner = new WindowPlanner(new WindowPlannerOptions { SafetyOverlap = TimeSpan.FromHours(2) });
        var watermark = Now.AddDays(-1);

        var first = planner.First(watermark, Now);

        first.From.Should().Be(watermark.AddHours(-2).AddTicks(-(watermark.Ticks % TimeSpan.TicksPerSecond)));
        first.To.Should().Be(Now.AddTicks(-(Now.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public void A_watermark_in_the_future_of_the_host_clock_still_gives_a_valid_window()
    {
        var planner = new WindowPlanner(new WindowPlannerOptions { SafetyOverlap = TimeSpan.Zero });

        var first = planner.First(Now.AddHours(5), Now);

        first.From.Should().BeOnOrBefore(first.To);
        first.To.Should().Be(Now);
    }

    [Theory]
    [InlineData(0, 4.0)]
    [InlineData(2_000, 1.0)]
    [InlineData(1_000, 2.0)]
    [InlineData(4_000, 0.5)]
    [InlineData(1_000_000, 0.125)]
    [InlineData(1, 4.0)]
    public void Spans_adapt_to_the_records_the_previous_window_held_within_limits(int records, double factor)
    {
        var planner = new WindowPlanner(new WindowPlannerOptions { TargetRecordsPerWindow = 2_000 });
        var previous = TimeSpan.FromDays(8);

        planner.NextSpan(previous, records).Should().Be(TimeSpan.FromTicks((long)(previous.Ticks * factor)));
    }

    [Fact]
    public void Spans_never_leave_the_configured_bounds()
    {
        var options = new WindowPlannerOptions { MinSpan = TimeSpan.FromMinutes(5), MaxSpan = TimeSpan.FromDays(30), InitialSpan = TimeSpan.FromDays(1) };
        var planner = new WindowPlanner(options);

        planner.NextSpan(TimeSpan.FromMinutes(6), 1_000_000).Should().Be(TimeSpan.FromMinutes(5));
        planner.NextSpan(TimeSpan.FromDays(20), 0).Should().Be(TimeSpan.FromDays(30));
    }

    [Fact]
    public void Windows_tile_the_range_without_gap_or_overlap_and_end_exactly_at_now()
    {
        // Records per day in each stretch of history: the count a window holds follows from its span.
        Prop.ForAll(
            Gen.Choose(0, 5_000).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 20 * 365).ToArbitrary(),
            (densities, startDaysAgo) =>
            {
                var planner = new WindowPlanner(new WindowPlannerOptions());
                var until = Now;
                var window = planner.First(Now.AddDays(-startDaysAgo), until);
                var start = window.From;
                var index = 0;
                while (true)
                {
                    var density = densities.Length == 0 ? 0 : densities[index++ % densities.Length];
                    var next = planner.Next(window, (int)Math.Min(int.MaxValue, density * window.Span.TotalDays), until);
                    if (next is null)
                    {
                        break;
                    }

                    if (next.Value.From != window.To.AddSeconds(1) || next.Value.To < next.Value.From)
                    {
                        return false;
                    }

                    window = next.Value;
                }

                return start <= until && window.To == until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        var create = () => new WindowPlanner(new WindowPlannerOptions { MinSpan = TimeSpan.FromDays(2), InitialSpan = TimeSpan.FromDays(1) });

        create.Should().Throw<ArgumentException>();
    }
}
