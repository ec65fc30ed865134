namespace QbConnector.Engine.Persistence.Sqlite;

/// <summary>The journal database's schema, as the list of migrations that build it; append, never edit.</summary>
internal static class SqliteJournalSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "event journal",
            """
            CREATE TABLE journal (
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                timestamp INTEGER NOT NULL,
                manifest TEXT NOT NULL,
                payload BLOB NOT NULL,
                writer_guid TEXT NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            ) WITHOUT ROWID;
            """),
        new(2, "highest sequence numbers kept across deletes",
            """
            CREATE TABLE journal_metadata (
                persistence_id TEXT NOT NULL PRIMARY KEY,
                sequence_nr INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
    ];
}
