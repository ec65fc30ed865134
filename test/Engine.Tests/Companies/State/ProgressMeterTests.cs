using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Companies.State;
using QbConnector.Engine.Control.Contracts;
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
        meter.Report(work, [work], 0).Fraction.Should().Be(atDone);

        meter.PageArrived("w", "invoices", new SyncWindow(Now.AddDays(-5).AddSeconds(1), Now), 40, 0);
        meter.Report(work, [work], 0).Fraction.Should().Be(atDone);
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
        var before = meter.Report(work, [work], 250).Fraction!.Value;
        before.Should().BeApproximately(0.5 * Share, 1e-9);

        meter.PageArrived("w", "customers", window, 50, 450);

        meter.Report(work, [work], 50).Fraction.Should().Be(before);
        meter.PageArrived("w", "customers", window, 300, 200);
        meter.Report(work, [work], 300).Fraction.Should().BeApproximately(0.6 * Share, 1e-9);
    }

    [Fact]
    public void The_report_carries_the_items_numbers_and_the_fraction()
    {
        var work = new WorkProgress("w", ["customers", "invoices"], false, true, Now) { RecordsDone = 120 };
        work.CompletedDataTypes.Add("customers");
        work.Current = ("invoices", null, Now);

        var report = new ProgressMeter().Report(work, [work], 30);

        report.Should().BeEquivalentTo(new CurrentWork("w", "invoices", 150, 1, 2, Fraction: 0.5, Run: new WorkRun(1, 150, 1, 2)));
    }

    [Fact]
    public void Items_taken_on_together_are_followed_as_one_run_until_the_company_is_idle()
    {
        // The cloud's first link: one item per data type, all offered at once.
        var items = Enumerable.Range(0, 4).Select(i => new WorkProgress("w" + i, ["type" + i], false, false, Now.AddSeconds(i))).ToList();
        var meter = new ProgressMeter();
        var active = new List<WorkProgress>(items);
        var fractions = new List<double>();
        foreach (var item in items)
        {
            item.Current = ("type" + item.WorkId[1..], Now.AddDays(-1), Now);
            var during = meter.Report(item, active, 0);
            during.Run.Should().Be(new WorkRun(4, 10 * items.IndexOf(item), items.IndexOf(item), 4));
            fractions.Add(during.Fraction!.Value);

            item.CompletedDataTypes.Add("type" + item.WorkId[1..]);
            item.Current = null;
            item.RecordsDone = 10;
            active.Remove(item);
            if (active.Count > 0)
            {
                var after = meter.Report(active[0], active, 0);
                after.Run!.RecordsDone.Should().Be(10 * (items.IndexOf(item) + 1));
                fractions.Add(after.Fraction!.Value);
            }
        }

        fractions.Should().BeInAscendingOrder().And.OnlyContain(f => f < 1);
        fractions[^1].Should().Be(0.75);

        // Idle, then new work: a new run with a bar of its own.
        var next = new WorkProgress("later", ["customers"], false, true, Now.AddHours(1));
        var report = meter.Report(next, [next], 0);
        report.Fraction.Should().Be(0);
        report.Run.Should().Be(new WorkRun(1, 0, 0, 1));
    }

    [Fact]
    public void A_company_never_idle_starts_a_new_run_rather_than_counting_items_forever()
    {
        var meter = new ProgressMeter();
        WorkProgress? previous = null;
        for (var i = 0; i <= ProgressMeter.MaxRunItems; i++)
        {
            // Each item arrives while the one before is still active.
            var item = new WorkProgress("w" + i, ["customers"], false, false, Now.AddSeconds(i));
            meter.Report(item, previous is null ? [item] : [previous, item], 0);
            previous = item;
        }

        var next = new WorkProgress("next", ["customers"], false, false, Now.AddHours(1));
        meter.Report(previous!, [previous!, next], 0).Run!.Items.Should().BeLessThan(ProgressMeter.MaxRunItems);
    }

    [Fact]
    public void An_item_joining_a_run_does_not_take_the_bar_back()
    {
        var first = new WorkProgress("w1", ["customers"], false, false, Now) { Current = ("customers", Now.AddDays(-1), Now), LastWindow = (new SyncWindow(Now.AddDays(-1), Now), 5) };
        var meter = new ProgressMeter();
        var before = meter.Report(first, [first], 0).Fraction!.Value;

        var joined = new WorkProgress("w2", ["invoices"], false, false, Now.AddSeconds(1));
        var report = meter.Report(first, [first, joined], 0);

        report.Fraction.Should().Be(before);
        report.Run!.DataTypesTotal.Should().Be(2);
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
