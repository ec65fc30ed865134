using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace QbConnector.CloudEmulator.Store;

/// <summary>Installs and their credentials. A credential is shown once; only its SHA-256 is stored.</summary>
internal sealed class InstallStore(EmulatorDatabase database, TimeProvider time)
{
    /// <summary>Creates an install; returns it with the credential to hand to the connector.</summary>
    public (Install Install, string Credential) Create()
    {
        var credential = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var id = Guid.NewGuid().ToString("D");
        database.InTransaction((c, t) => c.Execute(
            t,
            "INSERT INTO installs (id, credential_hash, created_at) VALUES ($id, $hash, $now)",
            ("$id", id),
            ("$hash", Hash(credential)),
            ("$now", time.GetUtcNow().ToDb())));
        return (Get(id)!, credential);
    }

    public Install? FindByCredential(string credential) =>
        database.InTransaction((c, t) => c.Query(
            t,
            "SELECT * FROM installs WHERE credential_hash = $hash",
            Map,
            ("$hash", Hash(credential))).SingleOrDefault());

    public Install? Get(string id) =>
        database.InTransaction((c, t) => c.Query(t, "SELECT * FROM installs WHERE id = $id", Map, ("$id", id)).SingleOrDefault());

    public void RecordFacts(string id, string? connectorVersion, string? quickBooksProduct, string? quickBooksVersion) =>
        database.InTransaction((c, t) => c.Execute(
            t,
            """
            UPDATE installs SET
                connector_version = COALESCE($version, connector_version),
                quickbooks_product = COALESCE($product, quickbooks_product),
                quickbooks_version = COALESCE($qbVersion, quickbooks_version),
                last_seen_at = $now
            WHERE id = $id
            """,
            ("$id", id),
            ("$version", NullIfEmpty(connectorVersion)),
            ("$product", NullIfEmpty(quickBooksProduct)),
            ("$qbVersion", NullIfEmpty(quickBooksVersion)),
            ("$now", time.GetUtcNow().ToDb())));

    public void RecordErrors(string id, string? lastErrors) =>
        database.InTransaction((c, t) => c.Execute(t, "UPDATE installs SET last_errors = $errors WHERE id = $id", ("$id", id), ("$errors", lastErrors)));

    public void Touch(string id) =>
        database.InTransaction((c, t) => c.Execute(t, "UPDATE installs SET last_seen_at = $now WHERE id = $id", ("$id", id), ("$now", time.GetUtcNow().ToDb())));

    internal static byte[] Hash(string credential) => SHA256.HashData(Encoding.UTF8.GetBytes(credential));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Install Map(SqliteDataReader r) => new(
        r.RequiredText("id"),
        r.Time("created_at")!.Value,
        r.Text("connector_version"),
        r.Text("quickbooks_product"),
        r.Text("quickbooks_version"),
        r.Time("last_seen_at"),
        r.Text("last_errors"));
}
