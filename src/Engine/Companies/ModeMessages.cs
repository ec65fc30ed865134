namespace QbConnector.Engine.Companies;

/// <summary>A message for one company, forwarded by the companies actor with its sender; unknown ids are answered with <see cref="CompanyNotLinked"/>.</summary>
public sealed record ToCompany(string CompanyId, object Message);

/// <summary>The company id of a <see cref="ToCompany"/> is not linked here.</summary>
public sealed record CompanyNotLinked(string CompanyId);

/// <summary>Stop starting work until <paramref name="Until"/> (null: until resumed); answered with <see cref="PauseState"/>.</summary>
/// <param name="By">"person" or "cloud".</param>
public sealed record PauseCompany(DateTimeOffset? Until, string By = "person");

/// <summary>End a pause; answered with <see cref="PauseState"/>.</summary>
public sealed record ResumeCompany(string By = "person");

/// <summary>Asks whether the company is paused; answered with <see cref="PauseState"/>.</summary>
public sealed record GetPauseState
{
    public static GetPauseState Instance { get; } = new();
}

/// <summary>Whether a company is paused now, and until when (null: until resumed).</summary>
public sealed record PauseState(string CompanyId, string CompanyName, bool Paused, DateTimeOffset? Until);

/// <summary>
/// Removes a linked company: its work stops, its fetched pages are not sent, its events, pages and
/// (when it was the last company) the install credential are destroyed; answered with <see cref="CompanyRemovedReply"/>.
/// </summary>
/// <param name="Reason">Why, in words shown to the person.</param>
/// <param name="TellCloud">Whether to deauthorise it in the cloud too (the person unlinked it, or a one-time sync is done); false when the cloud itself deauthorised it.</param>
/// <param name="OneTime">The removal ends a one-time link.</param>
public sealed record RemoveCompany(string CompanyId, string Reason, bool TellCloud, bool OneTime = false);

/// <summary>The outcome of <see cref="RemoveCompany"/>.</summary>
/// <param name="Found">False when the company was not linked here.</param>
/// <param name="CloudTold">Whether the cloud confirmed the deauthorisation (false if not asked or unreachable).</param>
/// <param name="CompaniesLeft">Companies still linked on this install.</param>
public sealed record CompanyRemovedReply(string CompanyId, bool Found, bool CloudTold, int CompaniesLeft);

/// <summary>A one-time company has synced its first link's data and the cloud acknowledged every page.</summary>
public sealed record OneTimeSyncDone(string CompanyId);

/// <summary>Sent by the companies actor to a company before it is removed; answered with <see cref="CompanyStopped"/>.</summary>
internal sealed record StopForRemoval
{
    public static StopForRemoval Instance { get; } = new();
}

/// <summary>The company has stopped its work and destroyed its events and pages.</summary>
internal sealed record CompanyStopped(string CompanyId);
