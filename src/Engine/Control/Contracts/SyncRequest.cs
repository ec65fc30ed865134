namespace QbConnector.Engine.Control.Contracts;

/// <summary>A manual sync: one company or all, some data types or every configured one.</summary>
public sealed record SyncRequest(string? CompanyId = null, IReadOnlyList<string>? DataTypes = null, bool Full = false);
