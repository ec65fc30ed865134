namespace QbConnector.CloudEmulator.Store;

/// <summary>The tables; created if absent, so an existing data folder is reused as it is.</summary>
internal static class Schema
{
    private const string Sql = """
        CREATE TABLE IF NOT EXISTS installs (
            id TEXT PRIMARY KEY,
            credential_hash BLOB NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            connector_version TEXT,
            quickbooks_product TEXT,
            quickbooks_version TEXT,
            last_seen_at TEXT,
            last_errors TEXT
        );
        CREATE TABLE IF NOT EXISTS companies (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            region TEXT NOT NULL,
            created_at TEXT NOT NULL,
            link_state TEXT NOT NULL,
            install_id TEXT REFERENCES installs(id),
            file_name TEXT,
            file_fingerprint TEXT,
            linked_at TEXT,
            last_sync_at TEXT,
            last_error TEXT,
            paused INTEGER NOT NULL DEFAULT 0,
            paused_until TEXT,
            settings TEXT
        );
        CREATE TABLE IF NOT EXISTS platform_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            settings TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS datasets (
            id TEXT PRIMARY KEY,
            company_id TEXT NOT NULL REFERENCES companies(id),
            data_type TEXT NOT NULL,
            full_sync INTEGER NOT NULL,
            status TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            started_at TEXT,
            completed_at TEXT,
            records_received INTEGER NOT NULL DEFAULT 0,
            pages_received INTEGER NOT NULL DEFAULT 0,
            error TEXT);
        CREATE INDEX IF NOT EXISTS datasets_by_company ON datasets(company_id);
        CREATE TABLE IF NOT EXISTS pushes (
            id TEXT PRIMARY KEY,
            company_id TEXT NOT NULL REFERENCES companies(id),
            data_type TEXT NOT NULL,
            operation TEXT NOT NULL,
            record_json BLOB NOT NULL,
            record_id TEXT,
            edit_sequence TEXT,
            status TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            completed_at TEXT,
            result_id TEXT,
            result_edit_sequence TEXT,
            error_status INTEGER,
            error_message TEXT,
            conflict_json BLOB);
        CREATE INDEX IF NOT EXISTS pushes_by_company ON pushes(company_id);
        CREATE TABLE IF NOT EXISTS received (
            company_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            work_id TEXT,
            data_type TEXT,
            record_count INTEGER NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (company_id, sequence)
        );
        CREATE TABLE IF NOT EXISTS records (
            company_id TEXT NOT NULL,
            data_type TEXT NOT NULL,
            id TEXT NOT NULL,
            edit_sequence TEXT NOT NULL,
            time_modified TEXT NOT NULL,
            time_modified_utc TEXT,
            deleted INTEGER NOT NULL,
            json BLOB NOT NULL,
            deliveries INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (company_id, data_type, id)
        );
        CREATE TABLE IF NOT EXISTS updates (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            version TEXT NOT NULL,
            package_url TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            signature BLOB NOT NULL,
            published_at TEXT NOT NULL
        );
        """;

    public static void Apply(EmulatorDatabase database) => database.Execute(Sql);
}
