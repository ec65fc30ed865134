using System.Text.Json;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

// Shapes of the REST API's requests and answers (camelCase JSON).

internal sealed record CreateCompanyRequest(string? Name, Region? Region);

internal sealed record PauseRequest(DateTimeOffset? Until);

internal sealed record PublishUpdateRequest(string? Version, string? Url, string? Sha256, string? Signature);

internal sealed record CompanyFileView(string? Name, string? Fingerprint);

internal sealed record CompanyView(
    string Id,
    string Name,
    Region Region,
    CompanyLinkState LinkState,
    bool ConnectorOnline,
    CompanyFileView? CompanyFile,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LinkedAt,
    DateTimeOffset? LastSyncAt,
    string? LastError,
    bool Paused,
    DateTimeOffset? PausedUntil)
{
    public static CompanyView From(Company company, bool online) => new(
        company.Id,
        company.Name,
        company.Region,
        company.LinkState,
        online,
        company.FileName is null ? null : new CompanyFileView(company.FileName, company.FileFingerprint),
        company.CreatedAt,
        company.LinkedAt,
        company.LastSyncAt,
        company.LastError,
        company.Paused,
        company.PausedUntil);
}

internal sealed record DatasetView(
    string Id,
    string CompanyId,
    string DataType,
    bool FullSync,
    DatasetStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long RecordsReceived,
    long PagesReceived,
    string? Error)
{
    public static DatasetView From(Dataset d) =>
        new(d.Id, d.CompanyId, d.DataType, d.FullSync, d.Status, d.QueuedAt, d.StartedAt, d.CompletedAt, d.RecordsReceived, d.PagesReceived, d.Error);
}

internal sealed record RecordView(string Id, string EditSequence, string TimeModified, DateTimeOffset? TimeModifiedUtc, bool Deleted, long Deliveries, JsonElement? Data)
{
    public static RecordView From(StoredRecord r) =>
        new(r.Id, r.EditSequence, r.TimeModified, r.TimeModifiedUtc, r.Deleted, r.Deliveries, ParseOrNull(r.Json));

    internal static JsonElement? ParseOrNull(byte[] json)
    {
        if (json.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // The connector sent bytes that are not JSON: show them as text rather than fail the page.
            return JsonSerializer.SerializeToElement(System.Text.Encoding.UTF8.GetString(json));
        }
    }
}

internal sealed record RecordPageView(int Page, int PageSize, long TotalResults, IReadOnlyList<RecordView> Results);

internal sealed record StatsView(string DataType, long DistinctRecords, long ExistingRecords, long DeletedRecords, long Deliveries, string ContentHash);

internal sealed record PushResultView(string Id, string EditSequence);

internal sealed record PushErrorView(int? StatusCode, string? Message);

internal sealed record PushView(
    string Id,
    string CompanyId,
    string DataType,
    PushOperation Operation,
    PushStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? CompletedAt,
    PushResultView? Result,
    PushErrorView? Error,
    JsonElement? Current)
{
    public static PushView From(Push p) => new(
        p.Id,
        p.CompanyId,
        p.DataType,
        p.Operation,
        p.Status,
        p.QueuedAt,
        p.CompletedAt,
        p.ResultId is null ? null : new PushResultView(p.ResultId, p.ResultEditSequence ?? string.Empty),
        p.Status is PushStatus.Failed or PushStatus.Conflict ? new PushErrorView(p.ErrorStatus, p.ErrorMessage) : null,
        p.ConflictJson is null ? null : RecordView.ParseOrNull(p.ConflictJson));
}

internal sealed record UpdateView(string Version, string Url, string Sha256, string Signature, DateTimeOffset PublishedAt)
{
    public static UpdateView From(UpdateAnnouncement u) => new(u.Version, u.PackageUrl, u.Sha256, Convert.ToBase64String(u.Signature), u.PublishedAt);
}
