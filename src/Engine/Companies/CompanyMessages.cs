namespace QbConnector.Engine.Companies;

/// <summary>A manual sync asked for by the person: served before scheduled work.</summary>
public sealed record SyncNow(IReadOnlyList<string>? DataTypes = null, bool Full = false);
