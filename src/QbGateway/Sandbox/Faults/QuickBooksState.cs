using System.Text.Json;
using System.Text.Json.Serialization;

namespace QbConnector.QbGateway.Sandbox.Faults;

/// <summary>What the simulated QuickBooks is doing, as seen from the SDK.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuickBooksCondition>))]
public enum QuickBooksCondition
{
    /// <summary>QuickBooks is running with this company file open (or free to open it).</summary>
    Ready,

    /// <summary>QuickBooks is not running: only unattended access ("allow even if QuickBooks is not running") works.</summary>
    NotRunning,

    /// <summary>QuickBooks is running with no company file open.</summary>
    NoCompanyFileOpen,

    CannotStart,
    OtherCompanyFileOpen,
    OpenInOtherMode,
    ModalDialog,
    StillStarting,
    CouldNotLock,
    LoggedInElsewhere,
    SeveralInstances,
}

/// <summary>What the QuickBooks administrator answered when the connector first asked for access.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuickBooksAuthorization>))]
public enum QuickBooksAuthorization
{
    /// <summary>Nobody has answered the access prompt yet.</summary>
    NotYetGranted,

    /// <summary>"Yes, prompt each time": access only while QuickBooks is open; unattended access fails.</summary>
    GrantedOnce,

    /// <summary>"Yes, always; allow access even if QuickBooks is not running".</summary>
    GrantedAlways,

    /// <summary>"No": the user refused.</summary>
    Denied,

    /// <summary>Access was granted and later revoked in the Integrated Applications preferences.</summary>
    NoPermission,
}

/// <summary>
/// The simulated QuickBooks' state for one company file, kept in a small JSON file beside it
/// ("{file}.qbstate.json") so that another process (an end-to-end test, <c>sandbox state</c>) can flip it
/// while a connector runs. Read at every BeginSession and request.
/// </summary>
public sealed record QuickBooksState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public QuickBooksCondition Condition { get; init; } = QuickBooksCondition.Ready;

    public QuickBooksAuthorization Authorization { get; init; } = QuickBooksAuthorization.GrantedAlways;

    /// <summary>The mode the file is open in when <see cref="QuickBooksCondition.OpenInOtherMode"/>.</summary>
    public string OpenMode { get; init; } = "MultiUser";

    /// <summary>Every request after this many in a session fails with 0x80040402.</summary>
    public int? FailAfterRequests { get; init; }

    /// <summary>After this many requests QuickBooks goes away: the session is dead (0x80040401).</summary>
    public int? DropAfterRequests { get; init; }

    /// <summary>Extra delay added to every request.</summary>
    public int SlowResponseMilliseconds { get; init; }

    /// <summary>Named latency profile ("none" or "realistic"); null keeps the session's own setting.</summary>
    public string? LatencyProfile { get; init; }

    public static string PathFor(string companyFile) => companyFile + ".qbstate.json";

    public static QuickBooksState Load(string companyFile)
    {
        var path = PathFor(companyFile);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return File.Exists(path) ? JsonSerializer.Deserialize<QuickBooksState>(File.ReadAllText(path), Json) ?? new QuickBooksState() : new QuickBooksState();
            }
            catch (IOException) when (attempt < 5)
            {
                // Another process is replacing the file right now.
                Thread.Yield();
            }
        }
    }

    /// <summary>Writes atomically (temp file + rename) so a reader never sees half a file.</summary>
    public void Save(string companyFile)
    {
        var path = PathFor(companyFile);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }
}
