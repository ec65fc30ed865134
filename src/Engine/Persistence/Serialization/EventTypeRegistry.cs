using System.Collections.Concurrent;
using System.Reflection;

namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>
/// Maps stored manifests to CLR types and back. Types come from [EventManifest] attributes of
/// scanned assemblies or from explicit registration; a few primitives are built in. Extra read-only
/// aliases let a renamed manifest of an older version still be read.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly ConcurrentDictionary<string, Type> _typesByManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _manifestsByType = new();
    private readonly Lock _gate = new();

    public EventTypeRegistry()
    {
        Register<string>("builtin.string.v1");
        Register<int>("builtin.int32.v1");
        Register<long>("builtin.int64.v1");
        Register<bool>("builtin.bool.v1");
        Register<decimal>("builtin.decimal.v1");
        Register<Guid>("builtin.guid.v1");
        Register<DateTimeOffset>("builtin.datetimeoffset.v1");
    }

    /// <summary>A registry holding the built-in types and every [EventManifest] type of the assemblies.</summary>
    public static EventTypeRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var registry = new EventTypeRegistry();
        foreach (var assembly in assemblies)
        {
            registry.RegisterAssembly(assembly);
        }

        return registry;
    }

    /// <summary>Registers every type of the assembly that carries [EventManifest].</summary>
    public EventTypeRegistry RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<EventManifestAttribute>() is { } attribute)
            {
                Register(type, attribute.Manifest);
            }
        }

        return this;
    }

    public EventTypeRegistry Register<T>(string manifest) => Register(typeof(T), manifest);

    /// <summary>Registers a type under its manifest; both must be unclaimed (re-registering the same pair is a no-op).</summary>
    public EventTypeRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        lock (_gate)
        {
            if (_typesByManifest.TryGetValue(manifest, out var existing) && existing != type)
            {
                throw new InvalidOperationException(
                    $"Manifest '{manifest}' is already registered for '{existing.FullName}'; '{type.FullName}' needs a manifest of its own.");
            }

            if (_manifestsByType.TryGetValue(type, out var existingManifest) && existingManifest != manifest)
            {
                throw new InvalidOperationException(
                    $"Type '{type.FullName}' is already registered as '{existingManifest}'; use RegisterAlias for an older manifest it should read.");
            }

            _typesByManifest[manifest] = type;
            _manifestsByType[type] = manifest;
        }

        return this;
    }

    /// <summary>Reads payloads stored under an older manifest as the given type; writes keep the type's own manifest.</summary>
    public EventTypeRegistry RegisterAlias(string manifest, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        lock (_gate)
        {
            if (_typesByManifest.TryGetValue(manifest, out var existing) && existing != type)
            {
                throw new InvalidOperationException($"Manifest '{manifest}' is already registered for '{existing.FullName}'.");
            }

            _typesByManifest[manifest] = type;
        }

        return this;
    }

    /// <summary>The manifest under which objects of the type are written.</summary>
    /// <exception cref="UnregisteredEventTypeException">The type has no manifest.</exception>
    public string ManifestOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _manifestsByType.TryGetValue(type, out var manifest) ? manifest : throw new UnregisteredEventTypeException(type);
    }

    /// <summary>The type that reads payloads stored under the manifest.</summary>
    /// <exception cref="UnknownEventManifestException">No type claims the manifest.</exception>
    public Type TypeOf(string manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return _typesByManifest.TryGetValue(manifest, out var type) ? type : throw new UnknownEventManifestException(manifest);
    }
}
