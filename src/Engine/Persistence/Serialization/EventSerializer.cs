using System.Text.Json;
using System.Text.Json.Serialization;

namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>
/// Turns events and snapshots into (manifest, UTF-8 JSON) and back. The JSON shape is part of the
/// stored format: camelCase names, enums as names, unknown members skipped and missing ones left at
/// their defaults, so a later version reads what an earlier one wrote.
/// </summary>
public sealed class EventSerializer
{
    private readonly JsonSerializerOptions _options;

    public EventSerializer(EventTypeRegistry registry, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        _options = options ?? CreateDefaultOptions();
    }

    public EventTypeRegistry Registry { get; }

    public static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <exception cref="UnregisteredEventTypeException">The payload's type has no manifest.</exception>
    /// <exception cref="EventSerializationException">The payload cannot be written as JSON.</exception>
    public SerializedPayload Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = payload.GetType();
        var manifest = Registry.ManifestOf(type);
        try
        {
            return new SerializedPayload(manifest, JsonSerializer.SerializeToUtf8Bytes(payload, type, _options));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException($"Cannot serialise '{type.FullName}' (manifest '{manifest}'): {ex.Message}", ex);
        }
    }

    /// <exception cref="UnknownEventManifestException">No type is registered for the manifest.</exception>
    /// <exception cref="EventSerializationException">The stored JSON does not fit the registered type.</exception>
    public object Deserialize(string manifest, ReadOnlySpan<byte> utf8Json)
    {
        var type = Registry.TypeOf(manifest);
        try
        {
            return JsonSerializer.Deserialize(utf8Json, type, _options)
                ?? throw new EventSerializationException($"The stored payload of manifest '{manifest}' is JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException(
                $"Cannot read a payload of manifest '{manifest}' as '{type.FullName}': {ex.Message}", ex);
        }
    }

    /// <summary>Writes and reads back the payload, as a store does, so that a payload that cannot survive storage fails now.</summary>
    public object RoundTrip(object payload)
    {
        var serialized = Serialize(payload);
        return Deserialize(serialized.Manifest, serialized.Utf8Json);
    }
}
