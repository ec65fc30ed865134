using System.Text;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Tests.Persistence.Serialization;

public class EventSerializerTests
{
    private readonly EventSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void Events_round_trip_with_the_manifest_of_their_attribute()
    {
        var original = new WindowCompleted("C:\\Books\\Acme Ltd.qbw", SyncDataType.Invoice, new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.FromHours(-5)), 1234.56m, 7);

        var stored = _serializer.Serialize(original);
        var read = _serializer.Deserialize(stored.Manifest, stored.Utf8Json);

        stored.Manifest.Should().Be("test.window-completed.v1");
        read.Should().Be(original);
        ((WindowCompleted)read).UpTo.Offset.Should().Be(TimeSpan.FromHours(-5));
    }

    [Fact]
    public void The_stored_json_uses_camel_case_names_and_enum_names()
    {
        var stored = _serializer.Serialize(new WindowCompleted("a.qbw", SyncDataType.Bill, DateTimeOffset.UnixEpoch, 1m));

        var json = Encoding.UTF8.GetString(stored.Utf8Json);

        json.Should().Contain("\"companyFile\":\"a.qbw\"").And.Contain("\"dataType\":\"Bill\"").And.Contain("\"pageCount\":0");
    }

    [Fact]
    public void A_payload_written_by_the_previous_version_is_read()
    {
        // As stored by the version before pageCount existed, with a field that has since been dropped.
        const string previousVersion =
            """{"companyFile":"C:\\Books\\Acme Ltd.qbw","dataType":"Customer","upTo":"2024-11-03T01:30:00-04:00","amount":99.95,"retired":"x"}""";

        var read = _serializer.Deserialize("test.window-completed.v1", Encoding.UTF8.GetBytes(previousVersion));

        read.Should().Be(new WindowCompleted("C:\\Books\\Acme Ltd.qbw", SyncDataType.Customer, new DateTimeOffset(2024, 11, 3, 1, 30, 0, TimeSpan.FromHours(-4)), 99.95m, 0));
    }

    [Fact]
    public void An_older_manifest_is_read_through_an_alias()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(EventSerializerTests).Assembly).RegisterAlias("test.item-added.v0", typeof(ItemAdded));
        var serializer = new EventSerializer(registry);

        serializer.Deserialize("test.item-added.v0", """{"name":"bolt","quantity":3}"""u8).Should().Be(new ItemAdded("bolt", 3));
        serializer.Serialize(new ItemAdded("bolt", 3)).Manifest.Should().Be("test.item-added.v1");
    }

    [Fact]
    public void An_unknown_manifest_on_read_names_the_manifest()
    {
        var act = () => _serializer.Deserialize("company.something-new.v9", "{}"u8);

        act.Should().Throw<UnknownEventManifestException>()
            .Where(e => e.Manifest == "company.something-new.v9" && e.Message.Contains("'company.something-new.v9'"));
    }

    [Fact]
    public void A_type_without_manifest_on_write_names_the_type()
    {
        var act = () => _serializer.Serialize(new NotRegistered("x"));

        act.Should().Throw<UnregisteredEventTypeException>()
            .Where(e => e.Message.Contains(typeof(NotRegistered).FullName!) && e.Message.Contains("EventManifest"));
    }

    [Fact]
    public void Json_that_does_not_fit_the_type_is_a_serialization_error_naming_the_manifest()
    {
        var act = () => _serializer.Deserialize("test.item-added.v1", """{"name":"bolt","quantity":"many"}"""u8);

        act.Should().Throw<EventSerializationException>().WithMessage("*test.item-added.v1*");
    }

    [Fact]
    public void Json_null_is_not_a_payload()
    {
        var act = () => _serializer.Deserialize("test.item-added.v1", "null"u8);

        act.Should().Throw<EventSerializationException>().WithMessage("*null*");
    }

    [Fact]
    public void A_manifest_cannot_be_claimed_by_two_types()
    {
        var registry = new EventTypeRegistry().Register<ItemAdded>("test.shared.v1");

        var act = () => registry.Register<CounterState>("test.shared.v1");

        act.Should().Throw<InvalidOperationException>().WithMessage("*test.shared.v1*ItemAdded*");
    }

    [Fact]
    public void A_type_cannot_be_written_under_two_manifests()
    {
        var registry = new EventTypeRegistry().Register<ItemAdded>("test.a.v1");

        var act = () => registry.Register<ItemAdded>("test.b.v1");

        act.Should().Throw<InvalidOperationException>().WithMessage("*test.a.v1*");
    }

    [Fact]
    public void Built_in_primitives_have_stable_manifests()
    {
        _serializer.Serialize("hello").Manifest.Should().Be("builtin.string.v1");
        _serializer.Deserialize("builtin.int64.v1", "42"u8).Should().Be(42L);
        _serializer.Deserialize("builtin.string.v1", "\"hi\""u8).Should().Be("hi");
    }

    [Fact]
    public void Any_item_added_round_trips()
    {
        Prop.ForAll<NonNull<string>, int>((name, quantity) =>
        {
            var original = new ItemAdded(name.Get, quantity);
            return _serializer.RoundTrip(original).Equals(original);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Collections_round_trip_by_value()
    {
        var original = new CounterState(3, ["a", "b", "ü"]);

        var read = (CounterState)_serializer.RoundTrip(original);

        read.Total.Should().Be(3);
        read.Names.Should().Equal("a", "b", "ü");
    }
}
