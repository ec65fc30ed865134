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
/// <param name="RecordsDone">Records fetched so far by this work.</param>
/// <param name="RecordsTotal">
/// The records this work will fetch, when known in advance; null when unknown, as it is for a sync
/// from QuickBooks, which only says how many remain in the window being fetched (see <paramref name="Fraction"/>).
/// </param>
/// <param name="Fraction">
/// How far the <paramref name="Run"/> has come, 0 to 1: only moves forward, and is 1 exactly when
/// every data type of it is done (see <c>ProgressMeter</c>); null from a reporter that does not measure it.
/// </param>
/// <param name="Run">All the work the company took on since it was last idle, of which this is the item at work; null when not reported.</param>
public sealed record CurrentWork(string WorkId, string? DataType, long RecordsDone, int DataTypesDone, int DataTypesTotal, long? RecordsTotal = null, double? Fraction = null, WorkRun? Run = null);

/// <summary>
/// The work items a company took on since it was last idle, followed as one: the cloud's first
/// link, for one, sends an item per data type.
/// </summary>
/// <param name="Items">Work items in the run, those over included.</param>
public sealed record WorkRun(int Items, long RecordsDone, int DataTypesDone, int DataTypesTotal);

/// <summary>Something in the way, in plain words, and what to do about it.</summary>
public sealed record Problem(string Message, string Fix, string Code, DateTimeOffset Since);

/// <summary>How the platform presents itself (from the cloud at link time).</summary>
public sealed record Branding(string PlatformName, string? LogoDataUrl, string? ColourHex);
