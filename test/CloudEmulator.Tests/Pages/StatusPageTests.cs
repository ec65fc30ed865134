using QbConnector.CloudEmulator.Tests.Hosting;

namespace QbConnector.CloudEmulator.Tests.Pages;

public sealed class StatusPageTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Lists_companies_and_their_datasets_with_every_value_html_encoded()
    {
        var id = await _host.CreateCompanyAsync("<script>alert(1)</script> & Sons");
        using (await _host.Http.PostAsync(new Uri($"/companies/{id}/data/queue/invoices", UriKind.Relative), null))
        {
        }

        using var response = await _host.Http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons");
        html.Should().NotContain("<script>");
        html.Should().Contain(id).And.Contain("invoices").And.Contain("Queued").And.Contain("connector offline");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("default-src 'none'");
    }
}
