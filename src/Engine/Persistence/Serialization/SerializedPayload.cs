namespace QbConnector.Engine.Persistence.Serialization;

/// <summary>A payload as stored: its stable manifest and its UTF-8 JSON.</summary>
public readonly record struct SerializedPayload(string Manifest, byte[] Utf8Json);
