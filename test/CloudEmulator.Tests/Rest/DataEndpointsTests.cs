using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QbConnector.CloudEmulator.Store;
using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Rest;

public sealed class DataEndpointsTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Queueing_a_data_type_returns_202_and_a_queued_dataset()
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.PostAsync(new Uri($"/companies/{id}/data/queue/invoices", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var dataset = await response.Content.ReadFromJsonAsync<JsonElement>();
        var datasetId = dataset.GetProperty("id").GetString();
        dataset.GetProperty("status").GetString().Should().Be("queued");
        dataset.GetProperty("dataType").GetString().Should().Be("invoices");
        (await _host.GetJsonAsync($"/companies/{id}/datasets/{datasetId}")).GetProperty("status").GetString().Should().Be("queued");
        (await _host.GetJsonAsync($"/companies/{id}/datasets")).EnumerateArray().Should().ContainSingle();
    }

    [Theory]
    [InlineData("POST", "/companies/{id}/data/queue/widgets")]
    [InlineData("GET", "/companies/{id}/data/Invoices")]
    [InlineData("GET", "/companies/{id}/data/widgets/stats")]
    [InlineData("POST", "/companies/{id}/push/widgets")]
    public async Task An_unknown_data_type_is_a_404_problem(string method, string path)
    {
        var id = await _host.CreateCompanyAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{id}", id, StringComparison.Ordinal), UriKind.Relative));
        request.Content = method == "POST" ? JsonContent.Create(new { name = "x" }) : null;

        using var response = await _host.Http.SendAsync(request);

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.NotFound, "Unknown data type");
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_404_problem()
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.GetAsync(new Uri($"/companies/{id}/datasets/{Guid.NewGuid()}", UriKind.Relative));

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.NotFound, "No dataset");
    }

    [Fact]
    public async Task Records_are_listed_in_their_newest_state_with_deletes_flagged_and_paged_by_id()
    {
        var id = await _host.CreateCompanyAsync();
        Store(id, 1, Rec("B", "100", "{\"name\":\"B1\"}"), Rec("A", "100", "{\"name\":\"A1\"}"), Rec("C", "100", "{\"name\":\"C1\"}"));
        Store(id, 2, Rec("B", "105", "{\"name\":\"B2\"}"), Rec("C", "", string.Empty, deleted: true));
        Store(id, 3, Rec("B", "101", "{\"name\":\"stale\"}"));

        var first = await _host.GetJsonAsync($"/companies/{id}/data/customers?page=1&pageSize=2");
        first.GetProperty("totalResults").GetInt64().Should().Be(3);
        var results = first.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("id").GetString()).Should().Equal("A", "B");
        results[1].GetProperty("data").GetProperty("name").GetString().Should().Be("B2");
        results[1].GetProperty("editSequence").GetString().Should().Be("105");
        results[1].GetProperty("deliveries").GetInt64().Should().Be(3);

        var second = await _host.GetJsonAsync($"/companies/{id}/data/customers?page=2&pageSize=2");
        var c = second.GetProperty("results").EnumerateArray().Single();
        c.GetProperty("id").GetString().Should().Be("C");
        c.GetProperty("deleted").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Stats_count_records_and_deliveries_and_hash_the_existing_records_exactly_as_defined()
    {
        var id = await _host.CreateCompanyAsync();
        Store(id, 1, Rec("b-2", "7", "{}"), Rec("a-1", "3", "{}"), Rec("c-3", "1", "{}"));
        Store(id, 2, Rec("a-1", "4", "{}"), Rec("c-3", "", string.Empty, deleted: true));
        Store(id, 2, Rec("ignored-resend", "1", "{}"));

        var stats = await _host.GetJsonAsync($"/companies/{id}/data/customers/stats");

        stats.GetProperty("distinctRecords").GetInt64().Should().Be(3);
        stats.GetProperty("existingRecords").GetInt64().Should().Be(2);
        stats.GetProperty("deliveries").GetInt64().Should().Be(5);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a-1\t4\nb-2\t7\n")));
        stats.GetProperty("contentHash").GetString().Should().Be(expected);
    }

    [Fact]
    public async Task The_hash_of_no_records_is_the_hash_of_the_empty_string()
    {
        var id = await _host.CreateCompanyAsync();

        var stats = await _host.GetJsonAsync($"/companies/{id}/data/accounts/stats");

        stats.GetProperty("contentHash").GetString().Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=5001")]
    public async Task Bad_paging_is_a_400_problem(string query)
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.GetAsync(new Uri($"/companies/{id}/data/customers?{query}", UriKind.Relative));

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.BadRequest, "pageSize");
    }

    private void Store(string companyId, ulong sequence, params IncomingRecord[] records) =>
        _host.Services.Records.StorePage(new IncomingPage(companyId, sequence, null, "customers", records));

    private static IncomingRecord Rec(string id, string editSequence, string json, bool deleted = false) =>
        new(id, editSequence, "2024-01-01T10:00:00-05:00", null, deleted, Encoding.UTF8.GetBytes(json));
}
