using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>A pause ended before its time (or had none): queued work goes on.</summary>
[EventManifest("company.resumed.v1")]
public sealed record Resumed(string By, DateTimeOffset At);
