using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;
using QbConnector.TestSupport;

namespace QbConnector.Grpc.Tests.EndToEnd;

public sealed class DeadlineAndCancellationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clientClock = new();
    private readonly TaskCompletionSource<ServerCallContext> _sleeping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _serverSawCancellation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
    {
        endpoints.MapGrpcUnary(TestMethods.Unary, async (request, context) =>
        {
            _sleeping.TrySetResult(context);
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                _serverSawCancellation.TrySetResult();
                throw;
            }

            return "never";
        });
        endpoints.MapGrpcDuplexStreaming(TestMethods.Duplex, async (requests, responses, context) =>
        {
            _sleeping.TrySetResult(context);
            try
            {
                await foreach (var item in requests.ReadAllAsync(context.CancellationToken))
                {
                    await responses.WriteAsync(item);
                }
            }
            catch (OperationCanceledException)
            {
                _serverSawCancellation.TrySetResult();
                throw;
            }
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_client_deadline_sends_grpc_timeout_and_ends_the_call_on_both_sides()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { TimeProvider = _clientClock });
        var deadline = _clientClock.GetUtcNow().UtcDateTime.AddMinutes(5);
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: deadline), "hi");

        var serverContext = await _sleeping.Task.WaitAsync(TimeSpan.FromSeconds(10));
        serverContext.Deadline.Should().BeCloseTo(DateTime.UtcNow.AddMinutes(5), TimeSpan.FromSeconds(30));

        _clientClock.Advance(TimeSpan.FromMinutes(5));

        var act = async () => await call.ResponseAsync;
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        await _serverSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_deadline_already_past_fails_at_once_without_a_request()
    {
        using var channel = _server.CreateChannel(new GrpcChannelOptions { TimeProvider = _clientClock });
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: _clientClock.GetUtcNow().UtcDateTime.AddSeconds(-1)), "hi");

        call.GetStatus().StatusCode.Should().Be(StatusCode.DeadlineExceeded);
        _sleeping.Task.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_call_on_both_sides()
    {
        using var channel = _server.CreateChannel();
        using var cts = new CancellationTokenSource();
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: cts.Token), "hi");
        await _sleeping.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cts.CancelAsync();

        var act = async () => await call.ResponseAsync;
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        await _serverSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Disposing_a_streaming_call_cancels_it_on_the_server()
    {
        using var channel = _server.CreateChannel();
        var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(TestMethods.Duplex, null, default);
        await call.RequestStream.WriteAsync("a");
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        call.Dispose();

        call.GetStatus().StatusCode.Should().Be(StatusCode.Cancelled);
        await _serverSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var write = async () => await call.RequestStream.WriteAsync("b");
        (await write.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
    }

    [Fact]
    public async Task A_token_passed_to_MoveNext_cancels_the_call()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(TestMethods.Duplex, null, default);
        using var cts = new CancellationTokenSource();
        var next = call.ResponseStream.MoveNext(cts.Token);
        await _sleeping.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cts.CancelAsync();

        var act = async () => await next;
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        await _serverSawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Status_and_trailers_are_unavailable_before_the_call_ends()
    {
        using var channel = _server.CreateChannel();
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "hi");
        await _sleeping.Task.WaitAsync(TimeSpan.FromSeconds(10));

        call.Invoking(c => c.GetStatus()).Should().Throw<InvalidOperationException>();
        call.Invoking(c => c.GetTrailers()).Should().Throw<InvalidOperationException>();
    }
}
