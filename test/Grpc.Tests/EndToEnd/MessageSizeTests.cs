using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.EndToEnd;

public sealed class MessageSizeTests : IAsyncLifetime
{
    private const int FiveMiB = 5 * 1024 * 1024;
    private GrpcTestServer _server = null!;
    private int _handlerCalls;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
    {
        // The request says how big a response to send back.
        endpoints.MapGrpcUnary(TestMethods.Unary, (request, context) =>
        {
            Interlocked.Increment(ref _handlerCalls);
            return Task.FromResult(new string('r', int.Parse(request.Length > 20 ? "1" : request, System.Globalization.CultureInfo.InvariantCulture)));
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Messages_up_to_the_default_limit_pass()
    {
        using var channel = _server.CreateChannel();
        var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Length.Should().Be(4 * 1024 * 1024);
    }

    [Fact]
    public async Task The_client_refuses_a_response_over_its_limit()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "1001");
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task The_client_refuses_to_send_a_request_over_its_limit()
    {
        using var channel = _server.CreateChannel();
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, new string('x', FiveMiB));
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        _handlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task The_server_refuses_a_request_over_its_limit()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = null });
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, new string('x', FiveMiB));
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        _handlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task The_server_refuses_to_send_a_response_over_its_limit()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = null });
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, FiveMiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }
}
