using System.Net;
using System.Text;
using QbConnector.TrayUi.Dashboard;
using QbConnector.TrayUi.Launch;
using QbConnector.TrayUi.Tests.Support;

namespace QbConnector.TrayUi.Tests.Dashboard;

public sealed class DashboardSecurityTests : IAsyncLifetime
{
    private DashboardHarness _harness = null!;
    private HttpClient _http = null!;

    private DashboardServer Server => _harness.Dashboard;

    public async Task InitializeAsync()
    {
        _harness = await DashboardHarness.StartAsync();
        _harness.Engine.Add("Rock Castle");
        // The dashboard serves what its watcher last read from the engine: wait until it has read the company.
        await TestSupport.Eventually.TrueAsync(() => Server.Watcher.Current.View.Companies.Any(c => c.CompanyName == "Rock Castle"));
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _harness.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/state")]
    [InlineData("/api/state/stream")]
    [InlineData("/assets/app.js")]
    public async Task Without_the_token_nothing_is_served(string path)
    {
        using var response = await _http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Rock Castle").And.NotContain(Server.Token);
    }

    [Fact]
    public async Task A_wrong_token_gets_no_cookie_and_no_page()
    {
        using var response = await _http.GetAsync("/?token=" + new string('0', 64));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task The_right_token_is_traded_for_a_strict_http_only_cookie_and_dropped_from_the_address()
    {
        using var response = await _http.GetAsync(Server.OpenUri().PathAndQuery);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.Should().Be("/");
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith($"qbconnector-dashboard-{Server.Port}={Server.Token}").And.Contain("httponly").And.Contain("samesite=strict");
    }

    [Fact]
    public async Task With_the_cookie_the_state_is_served_with_a_strict_content_policy()
    {
        using var response = await _http.SendAsync(Authorised(HttpMethod.Get, "/api/state"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Rock Castle");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("script-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebound.attacker.example:{port}")]
    [InlineData("127.0.0.1:1")]
    public async Task A_foreign_host_header_is_refused_even_with_the_cookie(string host)
    {
        using var request = Authorised(HttpMethod.Get, "/api/state");
        request.Headers.Host = host.Replace("{port}", Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await _http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(421);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Rock Castle");
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("null")]
    [InlineData(null)]
    public async Task A_cross_site_or_originless_post_never_reaches_the_engine(string? origin)
    {
        using var request = Authorised(HttpMethod.Post, "/api/pause", origin);
        request.Content = new StringContent("{}", Encoding.UTF8, "text/plain");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _harness.Engine.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task A_same_origin_post_reaches_the_engine()
    {
        using var request = Authorised(HttpMethod.Post, "/api/pause", $"http://127.0.0.1:{Server.Port}");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _harness.Engine.Calls.Should().Equal("pause all 1.00:00:00");
    }

    [Fact]
    public async Task A_cross_site_delete_does_not_remove_a_company()
    {
        var id = (await _harness.Engine.GetStatusAsync(default)).Companies.Single().CompanyId;
        using var request = Authorised(HttpMethod.Delete, "/api/companies/" + id, "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _harness.Engine.GetStatusAsync(default)).Companies.Should().ContainSingle();
    }

    [Fact]
    public async Task The_token_is_kept_owner_only_and_the_same_across_restarts()
    {
        var files = new DashboardFiles(_harness.Data);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(files.TokenFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(files.EndpointFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var second = await DashboardServer.StartAsync(_harness.Data, TimeProvider.System, Serilog.Core.Logger.None);
        second.Token.Should().Be(Server.Token).And.HaveLength(64);
        second.Port.Should().NotBe(Server.Port);
    }

    [Fact]
    public async Task Open_finds_the_running_dashboard_and_hands_over_its_address_with_the_token()
    {
        var uri = await DashboardLauncher.FindAsync(new DashboardFiles(_harness.Data), CancellationToken.None);

        uri.Should().Be(Server.OpenUri());
    }

    [Fact]
    public async Task Adding_a_company_checks_the_file_exists_before_asking_the_engine()
    {
        using var request = Authorised(HttpMethod.Post, "/api/companies", $"http://localhost:{Server.Port}");
        request.Headers.Host = $"localhost:{Server.Port}";
        request.Content = new StringContent("""{"licenceKey":"k","companyFile":"/nowhere/Books.QBW","region":"US"}""", Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("There is no file at that path");
        _harness.Engine.Calls.Should().BeEmpty();
    }

    private HttpRequestMessage Authorised(HttpMethod method, string path, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", $"qbconnector-dashboard-{Server.Port}={Server.Token}");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }
}
