namespace QbConnector.TrayUi.Dashboard;

/// <summary>What to do with a request: serve it, trade a URL token for the cookie, or refuse it.</summary>
internal enum GuardVerdict
{
    Allow,
    SetCookieAndRedirect,
    Refuse,
}

internal sealed record GuardDecision(GuardVerdict Verdict, int StatusCode = 200, string? Reason = null)
{
    public static readonly GuardDecision Allow = new(GuardVerdict.Allow);

    public static readonly GuardDecision SetCookie = new(GuardVerdict.SetCookieAndRedirect, 303);

    public static GuardDecision Refuse(int status, string reason) => new(GuardVerdict.Refuse, status, reason);
}
