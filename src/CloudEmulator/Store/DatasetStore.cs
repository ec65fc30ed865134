using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>Datasets: one queued fetch of one data type, handed to the connector as a work item.</summary>
internal sealed class DatasetStore(EmulatorDatabase database, TimeProvider time)
{
    public Dataset Queue(string companyId, string dataType, bool fullSync)
    {
        var id = Guid.NewGuid().ToString("D");
        database.InTransaction((c, t) => c.Execute(
            t,
            "INSERT INTO datasets (id, company_id, data_type, full_sync, status, queued_at) VALUES ($id, $company, $type, $full, $status, $now)",
            ("$id", id),
            ("$company", companyId),
            ("$type", dataType),
            ("$full", fullSync ? 1 : 0),
            ("$status", nameof(DatasetStatus.Queued)),
            ("$now", time.GetUtcNow().ToDb())));
        return Get(companyId, id)!;
    }

    public Dataset? Get(string companyId, string id) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT * FROM datasets WHERE id = $id AND company_id = $company", Map, ("$id", id), ("$company", companyId)).SingleOrDefault());

    public IReadOnlyList<Dataset> List(string companyId) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT * FROM datasets WHERE company_id = $company ORDER BY rowid", Map, ("$company", companyId)));

    /// <summary>Datasets the connector still has to finish, oldest first.</summary>
    public IReadOnlyList<Dataset> Unfinished(string companyId) =>
        database.InTransaction((c, t) => c.Query(
            t,
            "SELECT * FROM datasets WHERE company_id = $company AND status IN ('Queued', 'Fetching') ORDER BY rowid",
            Map,
            ("$company", companyId)));

    /// <summary>Queued → Fetching, the first time the connector shows it is working on it.</summary>
    public bool MarkFetching(string companyId, string id) =>
        database.InTransaction((c, t) => MarkFetching(c, t, companyId, id, time.GetUtcNow()));

    public bool Complete(string companyId, string id) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            "UPDATE datasets SET status = 'Complete', completed_at = $now, started_at = COALESCE(started_at, $now), error = NULL WHERE id = $id AND company_id = $company AND status IN ('Queued', 'Fetching')",
            ("$id", id),
            ("$company", companyId),
            ("$now", time.GetUtcNow().ToDb())) > 0);

    public bool Fail(string companyId, string id, string error) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            "UPDATE datasets SET status = 'Failed', completed_at = $now, error = $error WHERE id = $id AND company_id = $company AND status IN ('Queued', 'Fetching')",
            ("$id", id),
            ("$company", companyId),
            ("$error", error),
            ("$now", time.GetUtcNow().ToDb())) > 0);

    internal static bool MarkFetching(SqliteConnection connection, SqliteTransaction transaction, string companyId, string id, DateTimeOffset now) =>
        connection.Execute(
            transaction,
            "UPDATE datasets SET status = 'Fetching', started_at = $now WHERE id = $id AND company_id = $company AND status = 'Queued'",
            ("$id", id),
            ("$company", companyId),
            ("$now", now.ToDb())) > 0;

    private static Dataset Map(SqliteDataReader r) => new(
        r.RequiredText("id"),
        r.RequiredText("company_id"),
        r.RequiredText("data_type"),
        r.Int("full_sync") != 0,
        Enum.Parse<DatasetStatus>(r.RequiredText("status")),
        r.Time("queued_at")!.Value,
        r.Time("started_at"),
        r.Time("completed_at"),
        r.Int("records_received"),
        r.Int("pages_received"),
        r.Text("error"));
}
