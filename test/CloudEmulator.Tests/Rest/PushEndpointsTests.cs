using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Rest;

public sealed class PushEndpointsTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_push_is_accepted_as_pending_and_its_outcome_is_reported()
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.PostAsJsonAsync($"/companies/{id}/push/customers", new { name = "New Customer" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var push = await response.Content.ReadFromJsonAsync<JsonElement>();
        var pushId = push.GetProperty("id").GetString()!;
        push.GetProperty("status").GetString().Should().Be("pending");
        push.GetProperty("operation").GetString().Should().Be("add");

        _host.Services.Pushes.RecordSuccess(id, pushId, "80000042-1", "1700000001").Should().BeTrue();
        var done = await _host.GetJsonAsync($"/companies/{id}/push/{pushId}");
        done.GetProperty("status").GetString().Should().Be("success");
        done.GetProperty("result").GetProperty("id").GetString().Should().Be("80000042-1");

        _host.Services.Pushes.RecordFailure(id, pushId, 3100, "late").Should().BeFalse("the first outcome stands");
    }

    [Fact]
    public async Task A_push_with_record_id_and_edit_sequence_is_a_modification()
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.PostAsJsonAsync($"/companies/{id}/push/customers?recordId=80000001-1&editSequence=17", new { name = "Renamed" });

        var push = await response.Content.ReadFromJsonAsync<JsonElement>();
        push.GetProperty("operation").GetString().Should().Be("mod");
        var stored = _host.Services.Pushes.Get(id, push.GetProperty("id").GetString()!)!;
        stored.RecordId.Should().Be("80000001-1");
        stored.EditSequence.Should().Be("17");
    }

    [Fact]
    public async Task Failures_and_conflicts_are_reported_with_the_quickbooks_status()
    {
        var id = await _host.CreateCompanyAsync();
        var failed = await QueueAsync(id);
        var conflicted = await QueueAsync(id);

        _host.Services.Pushes.RecordFailure(id, failed, 3100, "The name \"X\" of the list element is already in use.");
        _host.Services.Pushes.RecordConflict(id, conflicted, "Stale edit sequence", "{\"name\":\"Current\"}"u8.ToArray());

        var f = await _host.GetJsonAsync($"/companies/{id}/push/{failed}");
        f.GetProperty("status").GetString().Should().Be("failed");
        f.GetProperty("error").GetProperty("statusCode").GetInt32().Should().Be(3100);
        var c = await _host.GetJsonAsync($"/companies/{id}/push/{conflicted}");
        c.GetProperty("status").GetString().Should().Be("conflict");
        c.GetProperty("current").GetProperty("name").GetString().Should().Be("Current");
    }

    [Theory]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"a\":", "not valid JSON")]
    public async Task A_push_body_must_be_a_json_object(string body, string expected)
    {
        var id = await _host.CreateCompanyAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _host.Http.PostAsync(new Uri($"/companies/{id}/push/customers", UriKind.Relative), content);

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task An_unknown_push_is_a_404_problem()
    {
        var id = await _host.CreateCompanyAsync();

        using var response = await _host.Http.GetAsync(new Uri($"/companies/{id}/push/{Guid.NewGuid()}", UriKind.Relative));

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.NotFound, "No push");
    }

    private async Task<string> QueueAsync(string companyId)
    {
        using var response = await _host.Http.PostAsJsonAsync($"/companies/{companyId}/push/customers", new { name = "X" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
