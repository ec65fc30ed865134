using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Companies.State;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Tests.Companies.State;

public class ProgressMeterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private const double Share = 1 - ProgressMeter.CompletionShare;

    [Fact]
    public void Accepted_work_is_at_nothing_and_counts_whole_data_types_done()
    {
        var work = new WorkProgress("w", ["customers", "invoices", "vendors", "items"], full: false, interactive: true, Now);
        ProgressMeter.Measure(work, null).Should().Be(0);

        work.CompletedDataTypes.Add("customers");
        work.CompletedDataTypes.Add("invoices");

        ProgressMeter.Measure(work, null).Should().Be(0.5);
    }

    [Fact]
    public void Inside_a_window_records_fetched_of_fetched_plus_remaining_move_the_bar()
    {
        var from = Now.AddDays(-10);
        var work = new WorkProgress("w", ["customers", "invoices"], false, true, Now) { Current = ("customers", from, Now) };
        var window = new SyncWindow(from, Now);

        ProgressMeter.Measure(work, new WindowPosition(window, 100, 300)).Should().BeApproximately(0.25 * Share / 2, 1e-9);
        ProgressMeter.Measure(work, new WindowPosition(window, 300, 100)).Should().BeApproximately(0.75 * Share / 2, 1e-9);
    }

    [Fact]
    public void Durable_windows_count_by_the_part_of_the_range_they_cover()
    {
        var from = Now.AddDays(-10);
        var work = new WorkProgress("w", ["customers"], false, true, Now)
        {
            Current = ("customers", from, Now),
            LastWindow = (new SyncWindow(from, Now.AddDays(-5)), 40),
        };

        ProgressMeter.Measure(work, null).Should().BeApproximately(0.5 * Share, 1e-6);

        // The next window, a quarter fetched, adds a quarter of its half of the range.
        var next = new SyncWindow(Now.AddDays(-5).AddSeconds(1), Now);
        ProgressMeter.Measure(work, new WindowPosition(next, 10, 30)).Should().BeApproximately((0.5 + (0.5 * 0.25)) * Share, 1e-6);
    }

    [Fact]
    public void A_page_of_a_window_already_durable_or_of_another_data_type_adds_nothing()
    {
        var from = Now.AddDays(-10);
        var done = new SyncWindow(from, Now.AddDays(-5));
        var work = new WorkProgress("w", ["customers", "invoices"], false, true, Now) { Current = ("customers", from, Now), LastWindow = (done, 40) };
        var meter = new ProgressMeter();
        var atDone = ProgressMeter.Measure(work, null);

        meter.PageArrived("w", "customers", done, 40, 0);
        meter.Of(work).Should().Be(atDone);

        meter.PageArrived("w", "invoices", new SyncWindow(Now.AddDays(-5).AddSeconds(1), Now), 40, 0);
        meter.Of(work).Should().Be(atDone);
    }

    [Fact]
    public void Every_window_durable_is_still_short_of_done_until_the_data_type_completes()
    {
        var work = new WorkProgress("w", ["customers"], false, true, Now) { Current = ("customers", null, Now), LastWindow = (new SyncWindow(Now.AddDays(-1), Now), 5) };

        ProgressMeter.Measure(work, null).Should().BeApproximately(Share, 1e-9).And.BeLessThan(1);

        work.CompletedDataTypes.Add("customers");
        work.Current = null;
        ProgressMeter.Measure(work, null).Should().Be(1);
    }

    [Fact]
    public void A_window_fetched_again_after_its_iterator_was_lost_does_not_take_the_bar_back()
    {
        var from = Now.AddDays(-10);
        var work = new WorkProgress("w", ["customers"], false, true, Now) { Current = ("customers", from, Now) };
        var window = new SyncWindow(from, Now);
        var meter = new ProgressMeter();
        meter.PageArrived("w", "customers", window, 250, 250);
        var before = meter.Of(work);
        before.Should().BeApproximately(0.5 * Share, 1e-9);

        meter.PageArrived("w", "customers", window, 50, 450);

        meter.Of(work).Should().Be(before);
        meter.PageArrived("w", "customers", window, 300, 200);
        meter.Of(work).Should().BeApproximately(0.6 * Share, 1e-9);
    }

    [Fact]
    public void Through_whole_syncs_planned_by_the_real_planner_the_fraction_only_grows_and_is_1_exactly_at_the_end()
    {
        // Records per day in each stretch of history, page sizes, data types, first or incremental sync.
        Prop.ForAll(
            Gen.Choose(0, 400).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 300).ToArbitrary(),
            Gen.Choose(0, 15).ToArbitrary(),
            (densities, pageSize, shape) =>
            {
                // 1 to 4 data types, each synced for the first time or since 1, 30 or 900 days ago.
                int?[] watermarks = [null, 1, 30, 900];
                var samples = Simulate(densities, pageSize, 1 + (shape % 4), watermarks[shape / 4]);
                var ordered = samples.Zip(samples.Skip(1)).All(p => p.Second.Fraction >= p.First.Fraction);
                var doneOnlyAtEnd = samples.Take(samples.Count - 1).All(s => s.Fraction < 1) && samples[^1].Fraction == 1;
                var inRange = samples.All(s => s.Fraction >= 0);
                return ordered && doneOnlyAtEnd && inRange && samples.Exists(s => s.Fraction > 0 && s.Fraction < 1);
            }).QuickCheckThrowOnFailure();
    }

    /// <summary>Replays a sync as the company actor drives it: the fraction measured after every page and every event.</summary>
    private static List<(string Moment, double Fraction)> Simulate(int[] densities, int pageSize, int dataTypeCount, int? watermarkDaysAgo)
    {
        var planner = new WindowPlanner(new WindowPlannerOptions { TargetRecordsPerWindow = 500 });
        var types = Enumerable.Range(0, dataTypeCount).Select(i => "type" + i).ToList();
        var state = new SyncState();
        var samples = new List<(string, double)>();
        var index = 0;
        state.Apply(new WorkAccepted("w", types, Full: false, Interactive: true, Now));
        var work = state.ActiveWork.Single();
        void Sample(string moment, WindowPosition? position = null) => samples.Add((moment, ProgressMeter.Measure(work, position)));
        Sample("accepted");
        while (state.NextStep(planner) is { } step)
        {
            switch (step)
            {
                case SyncStep.StartDataType start:
                    state.Apply(new DataTypeStarted("w", start.DataType, watermarkDaysAgo is { } days ? Now.AddDays(-days) : null, Now));
                    Sample("started " + start.DataType);
                    break;
                case SyncStep.FetchWindow fetch:
                    // Records modified in this window: none before the last two years, as in most company files.
                    var density = densities.Length == 0 ? 0 : densities[index++ % densities.Length];
                    var recent = fetch.Window.To < Now.AddYears(-2) ? 0 : Math.Min(fetch.Window.Span.TotalDays, 730);
                    var records = (int)Math.Min(20_000, density * recent);
                    for (var fetched = Math.Min(pageSize, records); ; fetched = Math.Min(records, fetched + pageSize))
                    {
                        Sample("page", new WindowPosition(fetch.Window, fetched, records - fetched));
                        if (fetched >= records)
                        {
                            break;
                        }
                    }

                    state.Apply(new WindowCompleted("w", fetch.DataType, fetch.Window.From, fetch.Window.To, records));
                    Sample("window");
                    break;
                case SyncStep.CompleteDataType complete:
                    Sample("completing " + complete.DataType);
                    state.Apply(new DataTypeCompleted("w", complete.DataType, complete.Until, Now));
                    Sample("completed " + complete.DataType);
                    break;
                case SyncStep.CompleteWork:
                    return samples;
            }
        }

        return samples;
    }
}
