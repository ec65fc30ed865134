namespace QbConnector.CloudEmulator.Store;

/// <summary>Published connector updates; the newest is announced to every connector.</summary>
internal sealed class UpdateStore(EmulatorDatabase database, TimeProvider time)
{
    public UpdateAnnouncement Publish(string version, string packageUrl, string sha256, byte[] signature)
    {
        var announcement = new UpdateAnnouncement(version, packageUrl, sha256, signature, time.GetUtcNow());
        database.InTransaction((c, t) => c.Execute(
            t,
            "INSERT INTO updates (version, package_url, sha256, signature, published_at) VALUES ($version, $url, $sha, $signature, $now)",
            ("$version", version),
            ("$url", packageUrl),
            ("$sha", sha256),
            ("$signature", signature),
            ("$now", announcement.PublishedAt.ToDb())));
        return announcement;
    }

    public UpdateAnnouncement? Latest() =>
        database.InTransaction((c, t) => c.Query(
            t,
            "SELECT * FROM updates ORDER BY position DESC LIMIT 1",
            r => new UpdateAnnouncement(r.RequiredText("version"), r.RequiredText("package_url"), r.RequiredText("sha256"), r.Blob("signature") ?? [], r.Time("published_at")!.Value)).SingleOrDefault());
}
