namespace QbConnector.Engine.Tests.EndToEnd.Pushes;

/// <summary>What the cloud learns of pushes QuickBooks or the connector refuses, over real processes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PushOutcomeTests(PushCloudFixture cloud) : IClassFixture<PushCloudFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_stale_update_is_a_conflict_a_duplicate_name_is_3100_and_an_invalid_field_is_named()
    {
        var (world, _) = await PushWorld.LinkAsync(cloud, seed: 41, pauseAt: null);
        await using var __ = world;
        var customers = world.SomeCustomers(2);
        var target = customers[0];

        var fresh = await world.QueuePushAsync("customers", new { CompanyName = "First Change" }, target.Id, target.EditSequence);
        var first = await world.WaitForResultAsync(fresh, Patience);
        var stale = await world.QueuePushAsync("customers", new { CompanyName = "Blind Overwrite" }, target.Id, target.EditSequence);
        var duplicate = await world.QueuePushAsync("customers", new { Name = customers[1].ValueAt("Name") });
        var invalid = await world.QueuePushAsync("customers", new { Name = new string('n', 42) });
        var missing = await world.QueuePushAsync("invoices", new { CustomerRef = new { FullName = "Nobody Here" }, InvoiceLineAdd = new { ItemRef = new { FullName = "No Such Item" }, Quantity = "1", Rate = "1" } });

        first.GetProperty("status").GetString().Should().Be("success");
        var conflict = await world.WaitForResultAsync(stale, Patience);
        conflict.GetProperty("status").GetString().Should().Be("conflict", conflict.ToString());
        conflict.GetProperty("current").GetProperty("id").GetString().Should().Be(target.Id);
        conflict.GetProperty("current").GetProperty("editSequence").GetString().Should().Be(first.GetProperty("result").GetProperty("editSequence").GetString());
        conflict.GetProperty("current").GetProperty("fields").GetProperty("CompanyName").GetString().Should().Be("First Change");
        world.Customer(target.Id!).ValueAt("CompanyName").Should().Be("First Change", "a stale update never overwrites");

        var named = await world.WaitForResultAsync(duplicate, Patience);
        named.GetProperty("status").GetString().Should().Be("failed");
        named.GetProperty("error").GetProperty("statusCode").GetInt32().Should().Be(3100);
        named.GetProperty("error").GetProperty("message").GetString().Should().Contain(customers[1].ValueAt("Name"));

        var refused = await world.WaitForResultAsync(invalid, Patience);
        refused.GetProperty("error").GetProperty("message").GetString().Should().Contain("CustomerAdd/Name: is 42 characters long; at most 41 are allowed");

        var unknown = await world.WaitForResultAsync(missing, Patience);
        unknown.GetProperty("error").GetProperty("message").GetString().Should()
            .Contain("InvoiceAdd/CustomerRef: no customer with FullName 'Nobody Here'")
            .And.Contain("InvoiceAdd/InvoiceLineAdd/ItemRef: no item with FullName 'No Such Item'");
    }
}
