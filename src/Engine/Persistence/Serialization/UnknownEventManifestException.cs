namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>A stored payload carries a manifest that no registered type claims.</summary>
public sealed class UnknownEventManifestException : EventSerializationException
{
    public UnknownEventManifestException()
    {
    }

    public UnknownEventManifestException(string manifest)
        : base($"No type is registered for the stored manifest '{manifest}'. The data was written by a version that knew this " +
               "event; register a type for this manifest (keep old event types, or map the manifest to their successor).") =>
        Manifest = manifest;

    public UnknownEventManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Manifest { get; }
}
