using QbConnector.TrayUi.Dashboard;

namespace QbConnector.TrayUi.Tests.Dashboard;

public sealed class RequestGuardTests
{
    private const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly RequestGuard _guard = new(Token, 5123);

    [Theory]
    [InlineData("127.0.0.1:5123")]
    [InlineData("localhost:5123")]
    [InlineData("LOCALHOST:5123")]
    public void The_loopback_names_with_the_port_are_the_only_hosts(string host) =>
        _guard.Check("/api/state", "GET", host, null, "same-origin", Token, null).Verdict.Should().Be(GuardVerdict.Allow);

    [Theory]
    [InlineData("evil.example:5123")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:80")]
    [InlineData("127.0.0.1.nip.io:5123")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_host_is_refused_even_with_the_token(string? host)
    {
        var decision = _guard.Check("/api/state", "GET", host, null, null, Token, null);

        decision.Verdict.Should().Be(GuardVerdict.Refuse);
        decision.StatusCode.Should().Be(421);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeF")]
    [InlineData("0123")]
    public void A_missing_or_wrong_token_is_refused(string? cookie) =>
        _guard.Check("/api/state", "GET", "127.0.0.1:5123", null, null, cookie, null).StatusCode.Should().Be(401);

    [Fact]
    public void The_token_in_the_url_is_traded_for_the_cookie_on_the_page_only()
    {
        _guard.Check("/", "GET", "127.0.0.1:5123", null, "none", null, Token).Verdict.Should().Be(GuardVerdict.SetCookieAndRedirect);
        _guard.Check("/api/state", "GET", "127.0.0.1:5123", null, "none", null, Token).StatusCode.Should().Be(401);
        _guard.Check("/", "GET", "127.0.0.1:5123", null, "none", null, Token + "x").StatusCode.Should().Be(401);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public void A_change_needs_the_dashboards_own_origin(string method)
    {
        _guard.Check("/api/sync", method, "127.0.0.1:5123", "http://127.0.0.1:5123", "same-origin", Token, null).Verdict.Should().Be(GuardVerdict.Allow);
        _guard.Check("/api/sync", method, "127.0.0.1:5123", null, null, Token, null).StatusCode.Should().Be(403);
        _guard.Check("/api/sync", method, "127.0.0.1:5123", "http://127.0.0.1:9999", null, Token, null).StatusCode.Should().Be(403);
        _guard.Check("/api/sync", method, "127.0.0.1:5123", "https://evil.example", null, Token, null).StatusCode.Should().Be(403);
        _guard.Check("/api/sync", method, "127.0.0.1:5123", "null", null, Token, null).StatusCode.Should().Be(403);
    }

    [Theory]
    [InlineData("same-site")]
    [InlineData("cross-site")]
    public void A_request_the_browser_marks_as_from_elsewhere_is_refused(string site) =>
        _guard.Check("/api/state", "GET", "127.0.0.1:5123", null, site, Token, null).StatusCode.Should().Be(403);

    [Fact]
    public void The_cookie_is_named_for_the_port_so_two_installs_do_not_clash() =>
        _guard.CookieName.Should().NotBe(new RequestGuard(Token, 5124).CookieName);
}
