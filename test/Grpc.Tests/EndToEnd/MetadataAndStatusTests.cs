using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.EndToEnd;

public sealed class MetadataAndStatusTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private string? _rawBinaryHeader;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
    {
        endpoints.MapGrpcUnary(TestMethods.Unary, async (request, context) =>
        {
            _rawBinaryHeader = context.GetHttpContext().Request.Headers["data-bin"];
            var headers = new Metadata();
            foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal) || e.Key.EndsWith("-bin", StringComparison.Ordinal)))
            {
                headers.Add(entry);
            }

            await context.WriteResponseHeadersAsync(headers);
            context.ResponseTrailers.Add("x-peer", context.Peer);
            context.ResponseTrailers.Add("x-method", context.Method);
            context.ResponseTrailers.Add("trailer-bin", [0, 1, 2, 255]);
            return request;
        });
        endpoints.MapGrpcUnary(TestMethods.Create(MethodType.Unary, "Throw"), (request, context) =>
            throw new InvalidOperationException("secret internals"));
        endpoints.MapGrpcUnary(TestMethods.Create(MethodType.Unary, "SetStatus"), (request, context) =>
        {
            context.Status = new Status(StatusCode.FailedPrecondition, "set, not thrown");
            return Task.FromResult("ignored");
        });
        endpoints.MapGrpcUnary(TestMethods.Create(MethodType.Unary, "RpcError"), (request, context) =>
            throw new RpcException(new Status(StatusCode.AlreadyExists, "dup"), new Metadata { { "x-why", "because" } }));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Text_and_binary_metadata_travel_both_ways_and_binary_is_sent_unpadded()
    {
        using var channel = _server.CreateChannel();
        var headers = new Metadata { { "x-Text", "hello world" }, { "data-bin", new byte[] { 0xAB } } };
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "hi");

        (await call.ResponseAsync).Should().Be("hi");
        var responseHeaders = await call.ResponseHeadersAsync;
        responseHeaders.GetValue("x-text").Should().Be("hello world");
        responseHeaders.GetValueBytes("data-bin").Should().Equal(0xAB);
        _rawBinaryHeader.Should().Be("qw");
        var trailers = call.GetTrailers();
        trailers.GetValueBytes("trailer-bin").Should().Equal(0, 1, 2, 255);
        trailers.GetValue("x-method").Should().Be("/test.Echo/Unary");
        trailers.GetValue("x-peer").Should().StartWith("ipv4:127.0.0.1:");
    }

    [Fact]
    public async Task An_unexpected_handler_exception_is_unknown_without_details()
    {
        using var channel = _server.CreateChannel();
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Create(MethodType.Unary, "Throw"), null, default, "hi");

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unknown);
        error.Status.Detail.Should().NotContain("secret");
    }

    [Fact]
    public async Task A_status_set_on_the_context_is_sent()
    {
        using var channel = _server.CreateChannel();
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Create(MethodType.Unary, "SetStatus"), null, default, "hi");

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.Status.Should().Be(new Status(StatusCode.FailedPrecondition, "set, not thrown"));
    }

    [Fact]
    public async Task An_RpcException_carries_its_status_and_trailers()
    {
        using var channel = _server.CreateChannel();
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Create(MethodType.Unary, "RpcError"), null, default, "hi");

        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.Status.Should().Be(new Status(StatusCode.AlreadyExists, "dup"));
        error.Trailers.GetValue("x-why").Should().Be("because");
    }
}
