using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>The same cases between the project's own client and server.</summary>
public sealed class OurClientAgainstOurServerTests : InteropClientCases
{
    private GrpcTestServer? _server;

    protected override async Task<Uri> StartServerAsync()
    {
        _server = await GrpcTestServer.StartAsync(TestServiceImpl.Map);
        return _server.Address;
    }

    protected override async Task StopServerAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
