using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Rest;

public sealed class CompanyEndpointsTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Creating_a_company_returns_201_with_its_id_and_location()
    {
        using var response = await _host.Http.PostAsJsonAsync("/companies", new { name = "Rock Castle", region = "uk" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        Guid.TryParse(id, out _).Should().BeTrue();
        response.Headers.Location!.ToString().Should().Be($"/companies/{id}");
        body.GetProperty("region").GetString().Should().Be("uk");
        body.GetProperty("linkState").GetString().Should().Be("unlinked");
        body.GetProperty("connectorOnline").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Companies_are_listed_and_fetched_by_id()
    {
        var a = await _host.CreateCompanyAsync("A");
        var b = await _host.CreateCompanyAsync("B");

        var list = await _host.GetJsonAsync("/companies");
        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Equal(a, b);
        (await _host.GetJsonAsync($"/companies/{b}")).GetProperty("name").GetString().Should().Be("B");
    }

    [Fact]
    public async Task An_unknown_company_is_a_404_problem()
    {
        using var response = await _host.Http.GetAsync(new Uri("/companies/does-not-exist", UriKind.Relative));

        await ShouldBeProblem(response, HttpStatusCode.NotFound, "No company with id 'does-not-exist'");
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"name\":\"\"}", "'name' is required")]
    [InlineData("{\"name\":\"X\",\"region\":\"mars\"}", "not valid JSON")]
    [InlineData("[1,2]", "not valid JSON")]
    public async Task A_malformed_body_is_a_400_problem(string body, string expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _host.Http.PostAsync(new Uri("/companies", UriKind.Relative), content);

        await ShouldBeProblem(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        using var content = new StringContent("{\"name\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json");
        using var response = await _host.Http.PostAsync(new Uri("/companies", UriKind.Relative), content);

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_length_is_also_refused()
    {
        using var content = new PushStreamContentOfSize(2_000_000);
        using var response = await _host.Http.PostAsync(new Uri("/companies", UriKind.Relative), content);

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task Pause_resume_and_deauthorise_change_the_company()
    {
        var id = await _host.CreateCompanyAsync();
        var until = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        using (var paused = await _host.Http.PostAsJsonAsync($"/companies/{id}/pause", new { until }))
        {
            var body = await paused.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("paused").GetBoolean().Should().BeTrue();
            body.GetProperty("pausedUntil").GetDateTimeOffset().Should().Be(until);
        }

        using (var resumed = await _host.Http.PostAsync(new Uri($"/companies/{id}/resume", UriKind.Relative), null))
        {
            (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paused").GetBoolean().Should().BeFalse();
        }

        using (var deauthorised = await _host.Http.PostAsync(new Uri($"/companies/{id}/deauthorise", UriKind.Relative), null))
        {
            (await deauthorised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linkState").GetString().Should().Be("deauthorised");
        }

        using var queued = await _host.Http.PostAsync(new Uri($"/companies/{id}/data/queue/customers", UriKind.Relative), null);
        await ShouldBeProblem(queued, HttpStatusCode.Conflict, "deauthorised");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await _host.Http.GetAsync(new Uri("/nothing/here", UriKind.Relative));

        await ShouldBeProblem(response, HttpStatusCode.NotFound, "No resource at GET /nothing/here");
    }

    internal static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("detail").GetString().Should().Contain(detailContains);
    }

    /// <summary>A JSON body sent chunked, without a Content-Length, so only the read limit can stop it.</summary>
    private sealed class PushStreamContentOfSize(int size) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"name\":\""u8.ToArray());
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var written = 0; written < size; written += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync("\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
