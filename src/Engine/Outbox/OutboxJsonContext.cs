using System.Text.Json.Serialization;

namespace QbConnector.Engine.Outbox;

/// <summary>Source-generated JSON for the id lists the outbox passes to SQLite's json_each.</summary>
[JsonSerializable(typeof(List<string>))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
