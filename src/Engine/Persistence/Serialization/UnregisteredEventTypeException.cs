namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>An object of a type without a registered manifest was about to be stored.</summary>
public sealed class UnregisteredEventTypeException : EventSerializationException
{
    public UnregisteredEventTypeException()
    {
    }

    public UnregisteredEventTypeException(Type type)
        : base($"Type '{type?.FullName}' has no registered manifest, so it cannot be stored. Mark it with " +
               "[EventManifest(\"area.name.v1\")] and register its assembly, or register it explicitly in the EventTypeRegistry.") =>
        TypeName = type?.FullName;

    public UnregisteredEventTypeException(string message)
        : base(message)
    {
    }

    public UnregisteredEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? TypeName { get; }
}
