using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.EndToEnd;

public sealed class CallKindsTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
    {
        endpoints.MapGrpcUnary(TestMethods.Unary, (request, context) => Task.FromResult("echo:" + request));
        endpoints.MapGrpcMethod(TestMethods.ServerStreaming, async (string request, IServerStreamWriter<string> stream, ServerCallContext context) =>
        {
            for (var i = 0; i < int.Parse(request, System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                await stream.WriteAsync("item" + i);
            }
        });
        endpoints.MapGrpcMethod(TestMethods.ClientStreaming, async (IAsyncStreamReader<string> requests, ServerCallContext context) =>
        {
            var all = new List<string>();
            await foreach (var item in requests.ReadAllAsync())
            {
                all.Add(item);
            }

            return string.Join(",", all);
        });
        endpoints.MapGrpcMethod(TestMethods.Duplex, async (IAsyncStreamReader<string> requests, IServerStreamWriter<string> responses, ServerCallContext context) =>
        {
            await foreach (var item in requests.ReadAllAsync())
            {
                if (item == "stop")
                {
                    throw new RpcException(new Status(StatusCode.FailedPrecondition, "stopped by the server"));
                }

                await responses.WriteAsync("pong:" + item);
            }
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Unary_call_returns_the_response_and_OK()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "hi");

        (await call.ResponseAsync).Should().Be("echo:hi");
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Server_streaming_call_reads_every_message_then_OK()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, default, "3");

        var items = new List<string>();
        await foreach (var item in call.ResponseStream.ReadAllAsync())
        {
            items.Add(item);
        }

        items.Should().Equal("item0", "item1", "item2");
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Server_streaming_call_with_no_messages_ends_cleanly()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, default, "0");

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Client_streaming_call_sends_every_message()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, default);

        foreach (var item in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(item);
        }

        await call.RequestStream.CompleteAsync();
        (await call.ResponseAsync).Should().Be("a,b,c");
    }

    [Fact]
    public async Task Duplex_call_ping_pongs()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(TestMethods.Duplex, null, default);

        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync("p" + i);
            (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
            call.ResponseStream.Current.Should().Be("pong:p" + i);
        }

        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Completing_the_request_stream_of_a_call_the_server_already_ended_is_no_error()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(TestMethods.Duplex, null, default);
        await call.RequestStream.WriteAsync("stop");
        var read = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        (await read.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.FailedPrecondition);

        // The server's status is reported once, by the read; Grpc.Net.Client's writer does the same.
        await call.RequestStream.CompleteAsync();

        call.GetStatus().Should().Be(new Status(StatusCode.FailedPrecondition, "stopped by the server"));
        var write = async () => await call.RequestStream.WriteAsync("more");
        await write.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Unknown_method_of_a_mapped_service_is_unimplemented()
    {
        using var channel = _server.CreateChannel();
        var method = TestMethods.Create(MethodType.Unary, "Nope");
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, "x");

        var act = async () => await call.ResponseAsync;
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }
}
