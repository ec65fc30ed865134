using QbConnector.Engine.Companies;
using QbConnector.Engine.Sync.Scheduling;

namespace QbConnector.Engine.Tests.Sync.Scheduling;

public class SyncScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly DataTypeSettings[] Settings =
    [
        new("customers", true, SyncFrequency.Hourly),
        new("invoices", true, SyncFrequency.Daily),
        new("balanceSheet", false, SyncFrequency.Monthly),
        new("classes", true, SyncFrequency.None),
    ];

    [Fact]
    public void Data_types_that_never_synced_are_due_at_once_except_unscheduled_ones()
    {
        SyncSchedule.Due(Settings, new Dictionary<string, DateTimeOffset>(), Now)
            .Should().BeEquivalentTo("customers", "invoices", "balanceSheet");
    }

    [Fact]
    public void A_data_type_is_due_when_its_interval_has_passed_since_it_last_completed()
    {
        var last = new Dictionary<string, DateTimeOffset>
        {
            ["customers"] = Now.AddMinutes(-60),
            ["invoices"] = Now.AddHours(-23),
            ["balanceSheet"] = Now.AddDays(-31),
        };

        SyncSchedule.Due(Settings, last, Now).Should().BeEquivalentTo("customers", "balanceSheet");
        SyncSchedule.NextDue(Settings, last).Should().Be(Now.AddDays(-1));
    }

    [Fact]
    public void Nothing_scheduled_has_no_next_due_time()
    {
        SyncSchedule.NextDue([new DataTypeSettings("classes", true, SyncFrequency.None)], new Dictionary<string, DateTimeOffset>())
            .Should().BeNull();
    }

    [Theory]
    [InlineData("19:00-07:00", "20:00", true)]
    [InlineData("19:00-07:00", "06:59", true)]
    [InlineData("19:00-07:00", "07:00", false)]
    [InlineData("19:00-07:00", "12:00", false)]
    [InlineData("09:00-17:00", "09:00", true)]
    [InlineData("09:00-17:00", "17:00", false)]
    [InlineData("00:00-00:00", "13:37", true)]
    public void Sync_hours_may_span_midnight(string hours, string time, bool inside)
    {
        SyncHours.Parse(hours).Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(inside);
    }

    [Fact]
    public void The_next_opening_is_later_today_or_tomorrow()
    {
        var hours = SyncHours.Parse("19:00-07:00");
        var noon = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(-5));
        var night = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.FromHours(-5));

        hours.NextOpening(noon).Should().Be(noon.AddHours(7));
        hours.NextOpening(night).Should().Be(night);
        SyncHours.Parse("02:00-04:00").NextOpening(night).Should().Be(night.AddHours(3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("19:00")]
    [InlineData("7pm-7am")]
    [InlineData("25:00-07:00")]
    public void Malformed_sync_hours_are_refused_clearly(string text)
    {
        var parse = () => SyncHours.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage("*19:00-07:00*");
    }
}
