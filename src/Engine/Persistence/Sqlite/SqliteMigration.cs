namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>One step of a database schema: applied in one transaction that also sets user_version to Version.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
