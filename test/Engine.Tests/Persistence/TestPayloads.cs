using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Tests.Persistence;

[EventManifest("test.item-added.v1")]
public sealed record ItemAdded(string Name, int Quantity);

[EventManifest("test.counter-state.v1")]
public sealed record CounterState(long Total, IReadOnlyList<string> Names);

public enum SyncDataType
{
    Customer,
    Invoice,
    Bill,
}

[EventManifest("test.window-completed.v1")]
public sealed record WindowCompleted(string CompanyFile, SyncDataType DataType, DateTimeOffset UpTo, decimal Amount, int PageCount = 0);

/// <summary>Has no manifest: storing it must fail.</summary>
public sealed record NotRegistered(string Value);

internal static class TestSerializers
{
    public static EventSerializer Create() => new(EventTypeRegistry.FromAssemblies(typeof(TestSerializers).Assembly));
}
