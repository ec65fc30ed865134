using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Tests.Hosting;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Tests.Grpc;

/// <summary>Unlink over real h2c on loopback: a connector ends its own company's link, and no one else's.</summary>
public sealed class UnlinkTests : IAsyncLifetime
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
    public async Task The_install_that_linked_a_company_deauthorises_it_and_may_ask_again()
    {
        var id = await _host.CreateCompanyAsync();
        var credential = (await TestConnector.LinkAsync(_channel, id)).InstallCredential;

        var response = await Unlink(credential, id);

        response.LinkState.Should().Be(LinkState.Deauthorised);
        (await _host.GetJsonAsync($"/companies/{id}")).GetProperty("linkState").GetString().Should().Be("deauthorised");
        (await Unlink(credential, id)).LinkState.Should().Be(LinkState.Deauthorised, "unlinking again succeeds");
        var relink = () => TestConnector.LinkAsync(_channel, id);
        (await relink.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Another_installs_company_an_unknown_company_and_a_missing_credential_are_refused()
    {
        var mine = await _host.CreateCompanyAsync();
        var theirs = await _host.CreateCompanyAsync();
        var credential = (await TestConnector.LinkAsync(_channel, mine, fingerprint: "fp-mine")).InstallCredential;
        await TestConnector.LinkAsync(_channel, theirs, fingerprint: "fp-theirs");

        (await Refused(() => Unlink(credential, theirs))).Should().Be(StatusCode.PermissionDenied);
        (await Refused(() => Unlink(credential, Guid.NewGuid().ToString()))).Should().Be(StatusCode.NotFound);
        (await Refused(() => Unlink(null, mine))).Should().Be(StatusCode.Unauthenticated);
        (await _host.GetJsonAsync($"/companies/{theirs}")).GetProperty("linkState").GetString().Should().Be("linked");
    }

    private async Task<UnlinkResponse> Unlink(string? credential, string companyId) =>
        await new ConnectorServiceClient(_channel.CreateCallInvoker()).UnlinkAsync(
            new UnlinkRequest { CompanyId = companyId, Reason = "Unlinked on the PC." },
            credential is null ? null : ConnectorServiceDescriptors.BearerHeaders(credential),
            DateTime.UtcNow.AddSeconds(30));

    private static async Task<StatusCode> Refused(Func<Task> call) => (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode;
}
