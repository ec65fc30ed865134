namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>The snapshot database's schema, as the list of migrations that build it; append, never edit.</summary>
internal static class SqliteSnapshotSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "snapshot store",
            """
            CREATE TABLE snapshot (
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                manifest TEXT NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            );
            """),
    ];
}
