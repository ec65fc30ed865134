using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Tests.Support;

/// <summary>Company and engine statuses for tests, with only what each test cares about.</summary>
internal static class Statuses
{
    public static CompanyStatus Company(
        string name = "Rock Castle",
        string state = "Linked",
        CurrentWork? work = null,
        DateTimeOffset? pausedUntil = null,
        Problem? problem = null,
        IReadOnlyDictionary<string, DateTimeOffset>? lastSyncs = null,
        Branding? branding = null,
        string? id = null) =>
        new(id ?? name.ToLowerInvariant().Replace(' ', '-'), name, $"C:\\Books\\{name}.QBW", state, work, lastSyncs ?? new Dictionary<string, DateTimeOffset>(), pausedUntil, problem, branding);

    public static EngineStatus EngineWith(params CompanyStatus[] companies) => new("0.1.0", true, companies);
}
