using Google.Protobuf;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Tests.Interop.Messages;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>
/// The interop cases run by the project's client; each derived class points them at a server
/// (grpc-js, or the project's own Kestrel server).
/// </summary>
public abstract class InteropClientCases : IAsyncLifetime
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
    private static readonly int[] RequestSizes = [27182, 8, 1828, 45904];
    private static readonly int[] ResponseSizes = [31415, 9, 2653, 58979];
    private GrpcChannel _channel = null!;

    protected CallInvoker Invoker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _channel = GrpcChannel.ForAddress(await StartServerAsync());
        Invoker = _channel.CreateCallInvoker();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await StopServerAsync();
    }

    protected abstract Task<Uri> StartServerAsync();

    protected abstract Task StopServerAsync();

    [Fact]
    public async Task Empty_unary()
    {
        var response = await Invoker.AsyncUnaryCall(TestServiceMethods.EmptyCall, null, default, new Empty());
        response.Should().Be(new Empty());
    }

    [Fact]
    public async Task Large_unary()
    {
        var response = await Invoker.AsyncUnaryCall(TestServiceMethods.UnaryCall, null, default, new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) });
        response.Payload.Body.Length.Should().Be(314159);
    }

    [Fact]
    public async Task Client_streaming()
    {
        using var call = Invoker.AsyncClientStreamingCall(TestServiceMethods.StreamingInputCall, null, default);
        foreach (var size in RequestSizes)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        (await call.ResponseAsync).AggregatedPayloadSize.Should().Be(74922);
    }

    [Fact]
    public async Task Server_streaming()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(ResponseSizes.Select(size => new ResponseParameters { Size = size }));
        using var call = Invoker.AsyncServerStreamingCall(TestServiceMethods.StreamingOutputCall, null, default, request);

        var sizes = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            sizes.Add(response.Payload.Body.Length);
        }

        sizes.Should().Equal(ResponseSizes);
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Ping_pong()
    {
        using var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, default);
        for (var i = 0; i < RequestSizes.Length; i++)
        {
            var request = new StreamingOutputCallRequest { Payload = Payload(RequestSizes[i]) };
            request.ResponseParameters.Add(new ResponseParameters { Size = ResponseSizes[i] });
            await call.RequestStream.WriteAsync(request);
            (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
            call.ResponseStream.Current.Payload.Body.Length.Should().Be(ResponseSizes[i]);
        }

        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
    }

    [Fact]
    public async Task Empty_stream()
    {
        using var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, default);
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Custom_metadata_is_echoed_in_headers_and_binary_trailers()
    {
        var headers = new Metadata
        {
            { "x-grpc-test-echo-initial", "test_initial_metadata_value" },
            { "x-grpc-test-echo-trailing-bin", new byte[] { 0xab, 0xab, 0xab } },
        };
        using (var call = Invoker.AsyncUnaryCall(TestServiceMethods.UnaryCall, null, new CallOptions(headers), new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }))
        {
            (await call.ResponseAsync).Payload.Body.Length.Should().Be(314159);
            (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial").Should().Be("test_initial_metadata_value");
            call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin").Should().Equal(0xab, 0xab, 0xab);
        }

        using (var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, new CallOptions(headers)))
        {
            var request = new StreamingOutputCallRequest { Payload = Payload(271828) };
            request.ResponseParameters.Add(new ResponseParameters { Size = 314159 });
            await call.RequestStream.WriteAsync(request);
            await call.RequestStream.CompleteAsync();
            (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial").Should().Be("test_initial_metadata_value");
            (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
            (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
            call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin").Should().Equal(0xab, 0xab, 0xab);
        }
    }

    [Theory]
    [InlineData("test status message")]
    [InlineData(SpecialMessage)]
    public async Task Status_code_and_message_round_trip(string message)
    {
        var unary = async () => await Invoker.AsyncUnaryCall(TestServiceMethods.UnaryCall, null, default, new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } });
        var error = (await unary.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unknown);
        error.Status.Detail.Should().Be(message);

        using var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, default);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = new EchoStatus { Code = 2, Message = message } });
        await call.RequestStream.CompleteAsync();
        var read = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        error = (await read.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.Unknown);
        error.Status.Detail.Should().Be(message);
    }

    [Fact]
    public async Task Unimplemented_method()
    {
        var call = async () => await Invoker.AsyncUnaryCall(TestServiceMethods.UnimplementedCall, null, default, new Empty());
        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Unimplemented_service()
    {
        var call = async () => await Invoker.AsyncUnaryCall(TestServiceMethods.UnimplementedServiceCall, null, default, new Empty());
        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Cancel_after_begin()
    {
        using var cts = new CancellationTokenSource();
        using var call = Invoker.AsyncClientStreamingCall(TestServiceMethods.StreamingInputCall, null, new CallOptions(cancellationToken: cts.Token));
        await cts.CancelAsync();

        var response = async () => await call.ResponseAsync;
        (await response.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        call.GetStatus().StatusCode.Should().Be(StatusCode.Cancelled);
    }

    [Fact]
    public async Task Cancel_after_first_response()
    {
        using var cts = new CancellationTokenSource();
        using var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, new CallOptions(cancellationToken: cts.Token));
        var request = new StreamingOutputCallRequest { Payload = Payload(27182) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415 });
        await call.RequestStream.WriteAsync(request);
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
        await cts.CancelAsync();

        var next = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        (await next.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
    }

    [Fact]
    public async Task Timeout_on_sleeping_server()
    {
        using var call = Invoker.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, null, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200)));
        var request = new StreamingOutputCallRequest { Payload = Payload(27182) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 30_000_000 });
        try
        {
            await call.RequestStream.WriteAsync(request);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            // The interop case allows it: on a slow machine the deadline can pass before the write.
        }

        var next = async () => await call.ResponseStream.MoveNext(CancellationToken.None);
        (await next.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
