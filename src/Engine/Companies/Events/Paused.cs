using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>
/// The company starts no new work until <paramref name="Until"/> (null: until resumed). The
/// request out at QuickBooks is answered and stored; nothing after it is asked.
/// </summary>
/// <param name="By">"person" (tray, CLI) or "cloud".</param>
[EventManifest("company.paused.v1")]
public sealed record Paused(DateTimeOffset? Until, string By, DateTimeOffset At);
