using System.Net;
using System.Net.Http.Json;
using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Rest;

public sealed class SettingsEndpointsTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Defaults_cover_every_data_type_until_changed()
    {
        var defaults = await _host.GetJsonAsync("/settings");

        defaults.GetProperty("mode").GetString().Should().Be("ongoing");
        defaults.GetProperty("dataTypes").EnumerateObject().Should().HaveCount(20);
        defaults.GetProperty("dataTypes").GetProperty("invoices").GetProperty("syncFrequency").GetString().Should().Be("daily");
    }

    [Fact]
    public async Task Company_settings_override_the_defaults_per_data_type()
    {
        var id = await _host.CreateCompanyAsync();
        using (var put = await _host.Http.PutAsJsonAsync("/settings", new
        {
            syncHours = new { start = 22, end = 6 },
            dataTypes = new { invoices = new { fetchOnFirstLink = false, syncFrequency = "hourly" }, bills = new { fetchOnFirstLink = false, syncFrequency = "weekly" } },
        }))
        {
            put.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var put = await _host.Http.PutAsJsonAsync($"/companies/{id}/settings", new
        {
            mode = "oneTime",
            dataTypes = new { invoices = new { fetchOnFirstLink = true, syncFrequency = "monthly" } },
        }))
        {
            put.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var effective = await _host.GetJsonAsync($"/companies/{id}/settings");
        effective.GetProperty("mode").GetString().Should().Be("oneTime");
        effective.GetProperty("syncHours").GetProperty("start").GetInt32().Should().Be(22);
        var types = effective.GetProperty("dataTypes");
        types.GetProperty("invoices").GetProperty("syncFrequency").GetString().Should().Be("monthly");
        types.GetProperty("invoices").GetProperty("fetchOnFirstLink").GetBoolean().Should().BeTrue();
        types.GetProperty("bills").GetProperty("syncFrequency").GetString().Should().Be("weekly");
        types.GetProperty("customers").GetProperty("syncFrequency").GetString().Should().Be("daily");
        (await _host.GetJsonAsync("/settings")).GetProperty("mode").GetString().Should().Be("ongoing");
    }

    [Theory]
    [InlineData("{\"dataTypes\":{\"widgets\":{\"fetchOnFirstLink\":true,\"syncFrequency\":\"daily\"}}}", "Unknown data type 'widgets'")]
    [InlineData("{\"syncHours\":{\"start\":25,\"end\":3}}", "syncHours.start must be 0 to 23")]
    [InlineData("{\"mode\":\"sometimes\"}", "not valid JSON")]
    [InlineData("{\"dataTypes\":{\"invoices\":{\"syncFrequency\":\"yearly\"}}}", "not valid JSON")]
    public async Task Invalid_settings_are_a_400_problem(string body, string expected)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _host.Http.PutAsync(new Uri("/settings", UriKind.Relative), content);

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Settings_of_an_unknown_company_are_a_404()
    {
        using var response = await _host.Http.PutAsJsonAsync("/companies/nope/settings", new { mode = "ongoing" });

        await CompanyEndpointsTests.ShouldBeProblem(response, HttpStatusCode.NotFound, "No company");
    }
}
