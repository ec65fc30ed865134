using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Companies.State;
using QbConnector.Engine.Persistence.Serialization;
using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Tests.Companies.State;

public class SyncStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly WindowPlanner _planner = new(new WindowPlannerOptions { InitialSpan = TimeSpan.FromDays(100) });

    [Fact]
    public void Idle_without_work()
    {
        new SyncState().NextStep(_planner).Should().BeNull();
    }

    [Fact]
    public void Accepted_work_starts_its_first_data_type_from_the_beginning()
    {
        var state = Replay(new WorkAccepted("w1", ["customers", "invoices"], Full: false, Interactive: false, T0));

        state.NextStep(_planner).Should().Be(new SyncStep.StartDataType("w1", "customers", null));
    }

    [Fact]
    public void A_started_data_type_fetches_its_first_window_then_the_next_after_each_completed_one()
    {
        var state = Replay(
            new WorkAccepted("w1", ["customers"], false, false, T0),
            new DataTypeStarted("w1", "customers", null, T0));

        var first = state.NextStep(_planner).Should().BeOfType<SyncStep.FetchWindow>().Subject;
        first.Window.Should().Be(_planner.First(null, T0));

        state.Apply(new WindowCompleted("w1", "customers", first.Window.From, first.Window.To, 12));

        state.NextStep(_planner).Should().Be(new SyncStep.FetchWindow("w1", "customers", _planner.Next(first.Window, 12, T0)!.Value));
        state.ActiveWork.Single().RecordsDone.Should().Be(12);
    }

    [Fact]
    public void After_the_last_window_the_data_type_completes_and_later_syncs_start_at_its_watermark()
    {
        var window = new SyncWindow(T0.AddDays(-1), T0);
        var state = Replay(
            new WorkAccepted("w1", ["customers"], false, false, T0),
            new DataTypeStarted("w1", "customers", T0.AddDays(-1), T0),
            new WindowCompleted("w1", "customers", window.From, window.To, 3));

        state.NextStep(_planner).Should().Be(new SyncStep.CompleteDataType("w1", "customers", T0.AddDays(-1), T0));

        state.Apply(new DataTypeCompleted("w1", "customers", T0, T0.AddMinutes(1)));
        state.NextStep(_planner).Should().Be(new SyncStep.CompleteWork("w1"));
        state.Apply(new WorkCompleted("w1", T0.AddMinutes(1)));
        state.NextStep(_planner).Should().BeNull();

        state.Apply(new WorkAccepted("w2", ["customers"], false, false, T0.AddHours(1)));
        state.NextStep(_planner).Should().Be(new SyncStep.StartDataType("w2", "customers", T0));
        state.LastCompleted["customers"].Should().Be(T0.AddMinutes(1));
    }

    [Fact]
    public void A_full_sync_ignores_the_watermark()
    {
        var state = Replay(
            new WorkAccepted("w1", ["customers"], false, false, T0),
            new DataTypeStarted("w1", "customers", null, T0),
            new DataTypeCompleted("w1", "customers", T0, T0),
            new WorkCompleted("w1", T0),
            new WorkAccepted("w2", ["customers"], Full: true, false, T0));

        state.NextStep(_planner).Should().Be(new SyncStep.StartDataType("w2", "customers", null));
    }

    [Fact]
    public void Interactive_work_goes_before_older_scheduled_work()
    {
        var state = Replay(
            new WorkAccepted("scheduled", ["invoices"], false, false, T0),
            new WorkAccepted("manual", ["customers"], false, Interactive: true, T0.AddMinutes(5)));

        state.NextStep(_planner)!.WorkId.Should().Be("manual");
    }

    [Fact]
    public void Replaying_the_same_events_after_a_restart_plans_the_same_window()
    {
        var events = new object[]
        {
            new WorkAccepted("w1", ["invoices"], false, false, T0),
            new DataTypeStarted("w1", "invoices", null, T0),
            new WindowCompleted("w1", "invoices", WindowPlannerOptions.QuickBooksEpoch, WindowPlannerOptions.QuickBooksEpoch.AddDays(100).AddSeconds(-1), 0),
        };
        var serializer = new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(WorkAccepted).Assembly));

        var before = Replay(events).NextStep(_planner);
        var after = Replay(events.Select(serializer.RoundTrip).ToArray()).NextStep(_planner);

        after.Should().Be(before);
        after.Should().BeOfType<SyncStep.FetchWindow>();
    }

    [Fact]
    public void Whole_range_data_types_take_one_step_then_complete()
    {
        var state = Replay(
            new WorkAccepted("w1", ["company"], false, false, T0),
            new DataTypeStarted("w1", "company", null, T0));
        bool WholeRange(string type) => type == "company";

        var step = state.NextStep(_planner, WholeRange).Should().BeOfType<SyncStep.FetchWindow>().Subject;
        step.Window.Should().Be(new SyncWindow(WindowPlannerOptions.QuickBooksEpoch, T0));

        state.Apply(new WindowCompleted("w1", "company", step.Window.From, step.Window.To, 1));
        state.NextStep(_planner, WholeRange).Should().BeOfType<SyncStep.CompleteDataType>();
    }

    [Fact]
    public void Failed_work_is_dropped()
    {
        var state = Replay(
            new WorkAccepted("w1", ["customers"], false, false, T0),
            new WorkFailed("w1", QbGateway.Errors.QbErrorClass.RequestInvalid, "3120", "Object not found", T0));

        state.NextStep(_planner).Should().BeNull();
    }

    private static SyncState Replay(params object[] events)
    {
        var state = new SyncState();
        foreach (var e in events)
        {
            state.Apply(e).Should().BeTrue();
        }

        return state;
    }
}
