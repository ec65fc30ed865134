using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.Client;

/// <summary>
/// The client against a raw Kestrel endpoint that answers with crafted, broken responses: every
/// case must end with a clear status, never a hang or an untyped exception.
/// </summary>
public sealed class HostileServerTests : IAsyncLifetime
{
    private static readonly byte[] OneMessage = [0, 0, 0, 0, 2, (byte)'o', (byte)'k'];
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
        endpoints.MapPost("/hostile.Service/{name}", async context =>
        {
            var name = (string)context.Request.RouteValues["name"]!;
            var response = context.Response;
            if (name.StartsWith("http", StringComparison.Ordinal))
            {
                response.StatusCode = int.Parse(name[4..], System.Globalization.CultureInfo.InvariantCulture);
                return;
            }

            response.ContentType = name == "html" ? "text/html" : "application/grpc";
            switch (name)
            {
                case "huge":
                    await WriteAsync(context, [0, 0xFF, 0xFF, 0xFF, 0xFF]);
                    await WaitForAbortAsync(context);
                    return;
                case "truncated":
                    await WriteAsync(context, [0, 0, 0, 0, 10, 1, 2, 3]);
                    response.AppendTrailer("grpc-status", "0");
                    return;
                case "compressed":
                    await WriteAsync(context, [1, 0, 0, 0, 2, (byte)'o', (byte)'k']);
                    response.AppendTrailer("grpc-status", "0");
                    return;
                case "garbage":
                    await WriteAsync(context, [.. OneMessage, 0xDE, 0xAD]);
                    response.AppendTrailer("grpc-status", "0");
                    return;
                case "two":
                    await WriteAsync(context, [.. OneMessage, .. OneMessage]);
                    response.AppendTrailer("grpc-status", "0");
                    return;
                case "endless":
                    await WriteAsync(context, OneMessage);
                    await WaitForAbortAsync(context);
                    return;
                case "no-status":
                    await WriteAsync(context, OneMessage);
                    return;
                case "bad-status":
                    await WriteAsync(context, OneMessage);
                    response.AppendTrailer("grpc-status", "banana");
                    return;
                case "trailers-only-ok":
                    response.Headers["grpc-status"] = "0";
                    return;
                case "trailers-only-error":
                    response.Headers["grpc-status"] = "5";
                    response.Headers["grpc-message"] = "no %E2%98%BA here";
                    response.Headers["padded-bin"] = "qw==";
                    response.Headers["unpadded-bin"] = "qw";
                    return;
                case "html":
                    await response.WriteAsync("<html></html>");
                    return;
                case "reset":
                    await WriteAsync(context, OneMessage);
                    context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResetFeature>()!.Reset(2);
                    return;
            }
        }));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("huge", StatusCode.ResourceExhausted)]
    [InlineData("truncated", StatusCode.Internal)]
    [InlineData("compressed", StatusCode.Internal)]
    [InlineData("garbage", StatusCode.Internal)]
    [InlineData("two", StatusCode.Internal)]
    [InlineData("no-status", StatusCode.Unknown)]
    [InlineData("bad-status", StatusCode.Unknown)]
    [InlineData("trailers-only-ok", StatusCode.Internal)]
    [InlineData("trailers-only-error", StatusCode.NotFound)]
    [InlineData("html", StatusCode.Unknown)]
    [InlineData("reset", StatusCode.Internal)]
    [InlineData("http401", StatusCode.Unauthenticated)]
    [InlineData("http403", StatusCode.PermissionDenied)]
    [InlineData("http404", StatusCode.Unimplemented)]
    [InlineData("http429", StatusCode.Unavailable)]
    [InlineData("http502", StatusCode.Unavailable)]
    [InlineData("http503", StatusCode.Unavailable)]
    [InlineData("http504", StatusCode.Unavailable)]
    [InlineData("http500", StatusCode.Unknown)]
    public async Task Broken_unary_response_ends_with_a_clear_status(string name, StatusCode expected)
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Create(MethodType.Unary, name, "hostile.Service"), null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)), "hi");

        var act = async () => await call.ResponseAsync;
        var error = (await act.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(expected, error.Status.Detail);
        call.GetStatus().StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Trailers_only_error_carries_decoded_message_and_binary_metadata_padded_or_not()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Create(MethodType.Unary, "trailers-only-error", "hostile.Service"), null, default, "hi");

        var error = (await ((Func<Task>)(async () => await call.ResponseAsync)).Should().ThrowAsync<RpcException>()).Which;
        error.Status.Detail.Should().Be("no ☺ here");
        error.Trailers.GetValueBytes("padded-bin").Should().Equal(0xAB);
        error.Trailers.GetValueBytes("unpadded-bin").Should().Equal(0xAB);
    }

    [Fact]
    public async Task Server_streaming_call_reads_good_messages_then_fails_on_the_truncated_one()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.Create(MethodType.ServerStreaming, "garbage", "hostile.Service"), null, default, "hi");

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
        call.ResponseStream.Current.Should().Be("ok");
        var next = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        (await next.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Internal);
    }

    [Fact]
    public async Task A_stream_that_never_ends_is_cut_by_the_deadline()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.Create(MethodType.ServerStreaming, "endless", "hostile.Service"), null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(300)), "hi");

        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
        var next = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        (await next.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task A_refused_connection_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = QbConnector.Grpc.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "hi");
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unavailable);
    }

    private static async Task WriteAsync(HttpContext context, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes);
        await context.Response.Body.FlushAsync();
    }

    private static async Task WaitForAbortAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
