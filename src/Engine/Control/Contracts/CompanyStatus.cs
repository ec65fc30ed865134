namespace QbConnector.Engine.Control.Contracts;

/// <summary>What the person needs to know about one linked company file.</summary>
/// <param name="State">Linking, WaitingForAuthorisation, Linked, Syncing, Paused, NeedsAttention, Deauthorised.</param>
/// <param name="NextSyncAt">When the next scheduled sync is due, if one is scheduled.</param>
public sealed record CompanyStatus(
    string CompanyId,
    string CompanyName,
    string CompanyFile,
    string State,
    CurrentWork? Work,
    IReadOnlyDictionary<string, DateTimeOffset> LastSyncs,
    DateTimeOffset? PausedUntil,
    Problem? Problem,
    Branding? Branding,
    DateTimeOffset? NextSyncAt = null);

/// <summary>The work in progress, with numbers for a progress bar.</summary>
/// <param name="RecordsTotal">The records this work is expected to fetch, when QuickBooks has said (an iterator's remaining count); null when unknown.</param>
public sealed record CurrentWork(string WorkId, string? DataType, long RecordsDone, int DataTypesDone, int DataTypesTotal, long? RecordsTotal = null);

/// <summary>Something in the way, in plain words, and what to do about it.</summary>
public sealed record Problem(string Message, string Fix, string Code, DateTimeOffset Since);

/// <summary>How the platform presents itself (from the cloud at link time).</summary>
public sealed record Branding(string PlatformName, string? LogoDataUrl, string? ColourHex);
