using QbConnector.Engine.Persistence.Serialization;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The cloud's settings for the company: data types, their schedules, the mode and the sync hours ("19:00-07:00", or null for all day).</summary>
[EventManifest("company.settings-changed.v1")]
public sealed record SettingsChanged(IReadOnlyList<DataTypeSettings> DataTypes, SyncMode Mode, string? SyncHours);
