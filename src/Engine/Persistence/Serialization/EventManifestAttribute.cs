namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>
/// The stable name under which events or snapshots of this type are stored. It must never change
/// once data has been written with it: rename the class freely, but add a new manifest (".v2")
/// for an incompatible shape.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class EventManifestAttribute : Attribute
{
    public EventManifestAttribute(string manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        Manifest = manifest;
    }

    public string Manifest { get; }
}
