using System.Text.Json;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd.Pushes;

/// <summary>
/// The engine killed with SIGKILL at each point of a push (before the send, after QuickBooks
/// answered but before the answer was recorded, after recording but before the cloud was told),
/// for an Add and then a Mod, then started again: each push leaves exactly one record (or one
/// change) in the company file and the right result in the cloud.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PushCrashTests(PushCloudFixture cloud) : IClassFixture<PushCloudFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("push.before-send", 31)]
    [InlineData("push.after-send", 32)]
    [InlineData("push.after-record", 33)]
    public async Task A_push_killed_at_any_point_is_applied_exactly_once_and_its_result_reaches_the_cloud(string point, int seed)
    {
        var (world, first) = await PushWorld.LinkAsync(cloud, seed, point);
        await using var _ = world;
        var customer = world.SomeCustomers(1).Single();
        var name = "Crash Add " + point;

        // An Add, killed at the point.
        var add = await world.QueuePushAsync("customers", new { Name = name, Notes = "<b>kept</b> ]]> literally" });
        await first.WaitForPauseAsync(Patience);
        await first.KillAsync();
        (await world.PushAsync(add)).GetProperty("status").GetString().Should().Be("pending", "the engine died before the cloud was told");

        // A Mod, killed at the same point by the next engine.
        var second = await world.StartEngineAsync(point);
        var mod = await world.QueuePushAsync("customers", new { CompanyName = "Changed at " + point }, customer.Id, customer.EditSequence);
        await second.WaitForPauseAsync(Patience);
        await second.KillAsync();

        await world.StartEngineAsync();
        var added = await world.WaitForResultAsync(add, Patience);
        var modified = await world.WaitForResultAsync(mod, Patience);

        added.GetProperty("status").GetString().Should().Be("success", added.ToString());
        var record = world.CustomersNamed(name).Should().ContainSingle("the Add was applied exactly once").Subject;
        added.GetProperty("result").GetProperty("id").GetString().Should().Be(record.Id);
        added.GetProperty("result").GetProperty("editSequence").GetString().Should().Be(record.EditSequence);
        record.ValueAt("Notes").Should().Be("<b>kept</b> ]]> literally");

        modified.GetProperty("status").GetString().Should().Be("success", "a Mod applied before the crash is not retried into a conflict with itself: " + modified);
        var changed = world.Customer(customer.Id!);
        changed.ValueAt("CompanyName").Should().Be("Changed at " + point);
        modified.GetProperty("result").GetProperty("editSequence").GetString().Should().Be(changed.EditSequence);
    }

    [Fact]
    public async Task Pushes_killed_after_random_delays_are_each_applied_exactly_once()
    {
        var (world, engine) = await PushWorld.LinkAsync(cloud, 34, pauseAt: null);
        await using var _ = world;
        var customers = world.SomeCustomers(3);
        var random = new Random(34);
        var pushes = new List<(string PushId, string? CustomerId, string Value)>();
        for (var i = 0; i < 6; i++)
        {
            var value = $"Random Kill {i}";
            var customer = i % 2 == 1 ? customers[i / 2] : null;
            var pushId = customer is null
                ? await world.QueuePushAsync("customers", new { Name = value })
                : await world.QueuePushAsync("customers", new { CompanyName = value }, customer.Id, customer.EditSequence);
            pushes.Add((pushId, customer?.Id, value));
            await WaitAsync(TimeSpan.FromMilliseconds(random.Next(0, 250)));
            await engine.KillAsync();
            engine = await world.StartEngineAsync();
        }

        foreach (var (pushId, customerId, value) in pushes)
        {
            var push = await world.WaitForResultAsync(pushId, Patience);
            push.GetProperty("status").GetString().Should().Be("success", push.ToString());
            var record = customerId is null ? world.CustomersNamed(value).Should().ContainSingle(value + " was added exactly once").Subject : world.Customer(customerId);
            push.GetProperty("result").GetProperty("id").GetString().Should().Be(record.Id);
            if (customerId is not null)
            {
                record.ValueAt("CompanyName").Should().Be(value);
            }
        }
    }

    /// <summary>A kill after a chosen delay: the point of the test is the arbitrary moment, not a synchronisation.</summary>
    private static Task WaitAsync(TimeSpan delay) => Task.Delay(delay);
}
