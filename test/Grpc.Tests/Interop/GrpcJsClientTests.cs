using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>The grpc-js client runs the interop cases against the project's Kestrel server.</summary>
public sealed class GrpcJsClientTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;

    public static TheoryData<string> Cases { get; } = new(
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "custom_metadata", "status_code_and_message", "special_status_message", "unimplemented_method",
        "unimplemented_service", "cancel_after_begin", "cancel_after_first_response", "timeout_on_sleeping_server");

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(TestServiceImpl.Map);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Grpc_js_client_passes_interop_case_against_our_server(string testCase)
    {
        var (exitCode, output) = await NodeProcess.RunClientAsync($"{_server.Address.Host}:{_server.Address.Port}", testCase);

        exitCode.Should().Be(0, output);
        output.Should().Contain("PASS " + testCase);
    }
}
