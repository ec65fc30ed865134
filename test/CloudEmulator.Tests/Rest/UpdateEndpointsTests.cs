using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Rest;

public sealed class UpdateEndpointsTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_published_update_is_the_latest_and_its_package_is_served()
    {
        var package = new byte[] { 1, 2, 3, 4 };
        await File.WriteAllBytesAsync(Path.Combine(_host.DataDirectory, "updates", "connector-1.5.0.zip"), package);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(package));

        using var published = await _host.Http.PostAsJsonAsync("/updates", new { version = "1.5.0", url = $"http://127.0.0.1:{_host.App.HttpPort}/updates/connector-1.5.0.zip", sha256 = sha, signature = Convert.ToBase64String([9, 9]) });

        published.StatusCode.Should().Be(HttpStatusCode.Created);
        (await _host.GetJsonAsync("/updates")).GetProperty("version").GetString().Should().Be("1.5.0");
        (await _host.Http.GetByteArrayAsync(new Uri("/updates/connector-1.5.0.zip", UriKind.Relative))).Should().Equal(package);
    }

    [Fact]
    public async Task A_range_request_gets_206_and_only_the_bytes_asked_for()
    {
        var package = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_host.DataDirectory, "updates", "connector-1.6.0.zip"), package);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/updates/connector-1.6.0.zip", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(600, 749);

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Headers.AcceptRanges.Should().Contain("bytes");
        response.Content.Headers.ContentRange.Should().Be(new ContentRangeHeaderValue(600, 749, 1000) { Unit = "bytes" });
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(package[600..750]);
    }

    [Fact]
    public async Task An_open_ended_range_resumes_to_the_end_and_an_unsatisfiable_one_is_416()
    {
        var package = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_host.DataDirectory, "updates", "connector-1.6.1.zip"), package);

        using var resume = new HttpRequestMessage(HttpMethod.Get, new Uri("/updates/connector-1.6.1.zip", UriKind.Relative));
        resume.Headers.Range = new RangeHeaderValue(250, null);
        using var resumed = await _host.Http.SendAsync(resume);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, new Uri("/updates/connector-1.6.1.zip", UriKind.Relative));
        beyond.Headers.Range = new RangeHeaderValue(300, null);
        using var refused = await _host.Http.SendAsync(beyond);

        resumed.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await resumed.Content.ReadAsByteArrayAsync()).Should().Equal(package[250..]);
        refused.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Theory]
    [InlineData("..%2Fcloud-emulator.db")]
    [InlineData("missing.zip")]
    [InlineData(".hidden")]
    public async Task Only_files_in_the_updates_folder_are_served(string file)
    {
        using var response = await _host.Http.GetAsync(new Uri($"/updates/{file}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_update_without_a_proper_sha256_is_a_400_problem()
    {
        using var response = await _host.Http.PostAsJsonAsync("/updates", new { version = "1.5.0", url = "http://x/y", sha256 = "abc", signature = "" });

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.BadRequest, "sha256");
    }
}
