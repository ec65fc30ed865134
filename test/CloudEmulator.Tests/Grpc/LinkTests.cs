using System.Net.Http.Json;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Tests.Hosting;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Tests.Grpc;

/// <summary>Link over real h2c on loopback.</summary>
public sealed class LinkTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorTestHost.StartAsync();
        _channel = TestConnector.Channel(_host.App.GrpcPort);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_good_key_links_and_the_company_shows_as_linked()
    {
        var id = await _host.CreateCompanyAsync("Rock Castle", "uk");

        var response = await TestConnector.LinkAsync(_channel, id, Region.Uk);

        response.CompanyId.Should().Be(id);
        response.CompanyName.Should().Be("Rock Castle");
        response.InstallCredential.Should().NotBeNullOrEmpty();
        response.Branding.PlatformName.Should().NotBeNullOrEmpty();
        response.Settings.Mode.Should().Be(SyncMode.Ongoing);
        var company = await _host.GetJsonAsync($"/companies/{id}");
        company.GetProperty("linkState").GetString().Should().Be("linked");
        company.GetProperty("companyFile").GetProperty("name").GetString().Should().Be("Rock Castle Construction.QBW");
        (await _host.GetJsonAsync($"/companies/{id}/datasets")).GetArrayLength().Should().Be(20, "every data type is fetched at first link by default");
    }

    [Fact]
    public async Task An_unknown_key_is_not_found()
    {
        var act = () => TestConnector.LinkAsync(_channel, Guid.NewGuid().ToString());

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.NotFound);
        error.Status.Detail.Should().Contain("No company has this licence key");
    }

    [Fact]
    public async Task A_deauthorised_company_is_permission_denied()
    {
        var id = await _host.CreateCompanyAsync();
        using (await _host.Http.PostAsync(new Uri($"/companies/{id}/deauthorise", UriKind.Relative), null))
        {
        }

        var act = () => TestConnector.LinkAsync(_channel, id);

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task A_region_mismatch_is_a_failed_precondition()
    {
        var id = await _host.CreateCompanyAsync(region: "canada");

        var act = () => TestConnector.LinkAsync(_channel, id, Region.Us);

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        error.Status.Detail.Should().Contain("Canada");
    }

    [Fact]
    public async Task A_second_company_joins_an_open_install_and_its_work_arrives_at_once()
    {
        var first = await _host.CreateCompanyAsync("First");
        var second = await _host.CreateCompanyAsync("Second");
        using (var only = await _host.Http.PutAsJsonAsync("/settings", new { dataTypes = OnlyCustomersOnFirstLink() }))
        {
            only.EnsureSuccessStatusCode();
        }

        var credential = (await TestConnector.LinkAsync(_channel, first)).InstallCredential;
        await using var connector = await TestConnector.ConnectAsync(_channel, credential);
        (await connector.NextWorkAsync()).Work.CompanyId.Should().Be(first);

        var joined = await TestConnector.LinkAsync(_channel, second, fingerprint: "fp-2", credential: credential);

        joined.InstallCredential.Should().BeEmpty();
        (await connector.NextAsync(m => m.Settings?.CompanyId == second)).Settings.Settings.DataTypes.Should().NotBeEmpty();
        var work = await connector.NextWorkAsync();
        work.Work.CompanyId.Should().Be(second);
        work.Work.Sync.DataTypes.Should().Equal("customers");
    }

    internal static Dictionary<string, object> OnlyCustomersOnFirstLink() =>
        QbConnector.CloudEmulator.Store.DataTypes.All.ToDictionary(t => t, t => (object)new { fetchOnFirstLink = t == "customers", syncFrequency = "daily" });
}
