using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

internal sealed class CompanyStore(EmulatorDatabase database, TimeProvider time)
{
    private const string Columns = "id, name, region, created_at, link_state, install_id, file_name, file_fingerprint, linked_at, last_sync_at, last_error, paused, paused_until";

    public Company Create(string name, Region region)
    {
        // The company id doubles as the licence key a person types: a plain GUID, lower case.
        var id = Guid.NewGuid().ToString("D");
        var now = time.GetUtcNow();
        database.InTransaction((c, t) => c.Execute(
            t,
            "INSERT INTO companies (id, name, region, created_at, link_state) VALUES ($id, $name, $region, $now, $state)",
            ("$id", id),
            ("$name", name),
            ("$region", region.ToString()),
            ("$now", now.ToDb()),
            ("$state", nameof(CompanyLinkState.Unlinked))));
        return Get(id)!;
    }

    public Company? Get(string id) =>
        database.InTransaction((c, t) => Get(c, t, id));

    public IReadOnlyList<Company> List() =>
        database.InTransaction((c, t) => c.Query(t, $"SELECT {Columns} FROM companies ORDER BY created_at, id", Map));

    public IReadOnlyList<Company> ForInstall(string installId) =>
        database.InTransaction((c, t) => c.Query(t, $"SELECT {Columns} FROM companies WHERE install_id = $install ORDER BY created_at, id", Map, ("$install", installId)));

    public void Link(string id, string installId, string fileName, string fingerprint) =>
        Update(
            id,
            "link_state = $state, install_id = $install, file_name = $file, file_fingerprint = $fingerprint, linked_at = $now",
            ("$state", nameof(CompanyLinkState.Linked)),
            ("$install", installId),
            ("$file", fileName),
            ("$fingerprint", fingerprint),
            ("$now", time.GetUtcNow().ToDb()));

    public void Deauthorise(string id) =>
        Update(id, "link_state = $state", ("$state", nameof(CompanyLinkState.Deauthorised)));

    public void SetPaused(string id, bool paused, DateTimeOffset? until) =>
        Update(id, "paused = $paused, paused_until = $until", ("$paused", paused ? 1 : 0), ("$until", until.ToDb()));

    public void RecordSync(string id) =>
        Update(id, "last_sync_at = $now", ("$now", time.GetUtcNow().ToDb()));

    public void RecordError(string id, string? error) =>
        Update(id, "last_error = $error", ("$error", error));

    internal static Company? Get(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.Query(transaction, $"SELECT {Columns} FROM companies WHERE id = $id", Map, ("$id", id)).SingleOrDefault();

    private void Update(string id, string assignments, params (string Name, object? Value)[] parameters) =>
        database.InTransaction((c, t) => c.Execute(t, $"UPDATE companies SET {assignments} WHERE id = $id", [.. parameters, ("$id", id)]));

    private static Company Map(SqliteDataReader r) => new(
        r.RequiredText("id"),
        r.RequiredText("name"),
        Enum.Parse<Region>(r.RequiredText("region")),
        r.Time("created_at")!.Value,
        Enum.Parse<CompanyLinkState>(r.RequiredText("link_state")),
        r.Text("install_id"),
        r.Text("file_name"),
        r.Text("file_fingerprint"),
        r.Time("linked_at"),
        r.Time("last_sync_at"),
        r.Text("last_error"),
        r.Int("paused") != 0,
        r.Time("paused_until"));
}
