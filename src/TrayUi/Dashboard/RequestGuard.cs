namespace QbConnector.TrayUi.Dashboard;

/// <summary>
/// Who may use the dashboard. The listener is on loopback only, and every request must also
/// name the loopback host with the dashboard's port (a rebound DNS name is refused), carry the
/// per-install token (cookie, or once in the URL the tray opens), and, when it changes anything,
/// come from the dashboard's own origin (a page elsewhere cannot post to it).
/// </summary>
internal sealed class RequestGuard
{
    private readonly string _token;
    private readonly int _port;

    public RequestGuard(string token, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = token;
        _port = port;
    }

    public string CookieName => $"qbconnector-dashboard-{_port}";

    public bool IsAllowedHost(string? host) =>
        host is not null
        && (string.Equals(host, $"127.0.0.1:{_port}", StringComparison.OrdinalIgnoreCase)
            || string.Equals(host, $"localhost:{_port}", StringComparison.OrdinalIgnoreCase));

    public bool IsOwnOrigin(string? origin) =>
        origin is not null
        && (string.Equals(origin, $"http://127.0.0.1:{_port}", StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, $"http://localhost:{_port}", StringComparison.OrdinalIgnoreCase));

    /// <param name="path">The request path.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="host">The Host header.</param>
    /// <param name="origin">The Origin header, if any.</param>
    /// <param name="fetchSite">The Sec-Fetch-Site header, if any.</param>
    /// <param name="cookieToken">The token from the dashboard's cookie, if any.</param>
    /// <param name="queryToken">The token from the URL, if any (accepted on the page itself only).</param>
    public GuardDecision Check(string path, string method, string? host, string? origin, string? fetchSite, string? cookieToken, string? queryToken)
    {
        if (!IsAllowedHost(host))
        {
            return GuardDecision.Refuse(421, "This dashboard answers only on its loopback address.");
        }

        var changes = !(HttpMethodIs(method, "GET") || HttpMethodIs(method, "HEAD"));
        if (origin is not null && !IsOwnOrigin(origin))
        {
            return GuardDecision.Refuse(403, "Requests from other sites are refused.");
        }

        if (changes && origin is null)
        {
            return GuardDecision.Refuse(403, "Changes are accepted from the dashboard's own page only.");
        }

        if (fetchSite is not null && fetchSite is not ("same-origin" or "none"))
        {
            return GuardDecision.Refuse(403, "Requests from other sites are refused.");
        }

        if (DashboardToken.Matches(_token, cookieToken))
        {
            return GuardDecision.Allow;
        }

        if (!changes && path == "/" && DashboardToken.Matches(_token, queryToken))
        {
            return GuardDecision.SetCookie;
        }

        return GuardDecision.Refuse(401, "Open the dashboard from the connector's tray icon (or its 'open' command).");
    }

    private static bool HttpMethodIs(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
