using System.Diagnostics;
using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>
/// The connector's own Connect stream, through <see cref="ConnectorServiceClient"/>, against a grpc-js server
/// implementing ConnectorService from proto/connector/v1 (interop/connector-server.js) over HTTP/2 on loopback.
/// </summary>
public sealed class ConnectorClientAgainstGrpcJsServerTests : IAsyncLifetime
{
    private const string Credential = "interop-install-credential";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private Process _node = null!;
    private GrpcChannel _channel = null!;
    private ConnectorServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        var (process, port) = await NodeProcess.StartServerAsync("connector-server.js");
        _node = process;
        _channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"));
        _client = new ConnectorServiceClient(_channel.CreateCallInvoker());
    }

    public Task DisposeAsync()
    {
        _channel.Dispose();
        NodeProcess.Stop(_node);
        _node.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Messages_flow_both_ways_on_the_bearer_authenticated_stream_and_it_ends_with_OK_and_trailers()
    {
        using var call = _client.Connect(ConnectorServiceDescriptors.BearerHeaders(Credential));

        await call.RequestStream.WriteAsync(Hello("1.4.2", "company-a", "company-b"));
        await call.RequestStream.WriteAsync(new ClientMessage { Heartbeat = new Heartbeat { Nonce = 42 } });
        await call.RequestStream.WriteAsync(new ClientMessage { DataPage = new DataPage { CompanyId = "company-a", DataType = "customers", Sequence = 7 } });
        await call.RequestStream.WriteAsync(new ClientMessage { DataPage = new DataPage { CompanyId = "company-b", DataType = "invoices", Sequence = ulong.MaxValue } });
        var received = new List<ServerMessage>();
        for (var i = 0; i < 7; i++)
        {
            received.Add(await NextAsync(call));
        }

        await call.RequestStream.CompleteAsync();

        received.Select(m => m.BodyCase).Should().Equal(
            ServerMessage.BodyOneofCase.Settings, ServerMessage.BodyOneofCase.Work,
            ServerMessage.BodyOneofCase.Settings, ServerMessage.BodyOneofCase.Work,
            ServerMessage.BodyOneofCase.HeartbeatReply, ServerMessage.BodyOneofCase.Ack, ServerMessage.BodyOneofCase.Ack);
        received[0].Settings.Should().Be(new CompanySettings { CompanyId = "company-a", Settings = new Settings { Mode = SyncMode.Ongoing } });
        received[3].Work.Should().Be(new WorkItem { WorkId = "work-for-company-b", CompanyId = "company-b" });
        received[4].HeartbeatReply.Nonce.Should().Be(42);
        received[4].HeartbeatReply.ServerTime.Seconds.Should().Be(1_700_000_000);
        received[5].Ack.Should().Be(new Acknowledgement { CompanyId = "company-a", Sequence = 7 });
        received[6].Ack.Should().Be(new Acknowledgement { CompanyId = "company-b", Sequence = ulong.MaxValue });
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeFalse();
        call.GetStatus().StatusCode.Should().Be(StatusCode.OK);
        call.GetTrailers().GetValue("x-messages-received").Should().Be("4");
        (await call.ResponseHeadersAsync).GetValue("x-install").Should().Be("interop");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("someone-elses-credential")]
    public async Task A_missing_or_unknown_credential_is_UNAUTHENTICATED(string? credential)
    {
        using var call = _client.Connect(credential is null ? null : ConnectorServiceDescriptors.BearerHeaders(credential));
        await WriteIgnoringEndedStreamAsync(call, Hello("1.4.2", "company-a"));

        var error = await ReadFailureAsync(call);

        error.StatusCode.Should().Be(StatusCode.Unauthenticated);
        error.Status.Detail.Should().Be("Unknown install credential.");
    }

    [Fact]
    public async Task A_status_the_server_ends_the_stream_with_is_the_RpcException_the_client_reads()
    {
        using var call = _client.Connect(ConnectorServiceDescriptors.BearerHeaders(Credential));
        await call.RequestStream.WriteAsync(Hello("1.4.2", "company-a"));
        (await NextAsync(call)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Settings);

        await call.RequestStream.WriteAsync(new ClientMessage { WorkFailed = new WorkFailed { WorkId = "never-sent", CompanyId = "company-a", Sequence = 1 } });
        var error = await ReadFailureAsync(call);

        error.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        error.Status.Detail.Should().Be("Work never-sent cannot fail: the cloud never sent it.");
        call.GetStatus().StatusCode.Should().Be(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task A_second_stream_of_the_same_install_ends_the_first_with_ABORTED()
    {
        using var first = _client.Connect(ConnectorServiceDescriptors.BearerHeaders(Credential));
        await first.RequestStream.WriteAsync(Hello("1.4.2", "company-a"));
        (await NextAsync(first)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Settings);

        using var second = _client.Connect(ConnectorServiceDescriptors.BearerHeaders(Credential));
        await second.RequestStream.WriteAsync(Hello("1.4.3", "company-a"));
        (await NextAsync(second)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Settings);

        (await NextAsync(first)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Work);
        var error = await ReadFailureAsync(first);
        error.StatusCode.Should().Be(StatusCode.Aborted);
        error.Status.Detail.Should().Contain("newer Connect stream");
    }

    [Fact]
    public async Task Cancelling_the_call_fails_the_pending_read_with_CANCELLED_and_the_server_sees_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        using var call = _client.Connect(ConnectorServiceDescriptors.BearerHeaders(Credential), cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(Hello("7.7.7", "company-a"));
        await WaitForLineAsync("hello 7.7.7");
        (await NextAsync(call)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Settings);
        (await NextAsync(call)).BodyCase.Should().Be(ServerMessage.BodyOneofCase.Work);
        var pending = call.ResponseStream.MoveNext(CancellationToken.None);

        await cancel.CancelAsync();

        (await FluentActions.Awaiting(() => pending).Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Cancelled);
        await WaitForLineAsync("cancelled 7.7.7");
    }

    private static ClientMessage Hello(string version, params string[] companies)
    {
        var hello = new Hello { ConnectorVersion = version };
        hello.Companies.AddRange(companies.Select(id => new CompanyState { CompanyId = id, LinkState = LinkState.Linked }));
        return new ClientMessage { Hello = hello };
    }

    private static async Task<ServerMessage> NextAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        using var timeout = new CancellationTokenSource(Patience);
        (await call.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue("the server has more to say");
        return call.ResponseStream.Current;
    }

    private static async Task<RpcException> ReadFailureAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var read = async () =>
        {
            while (await call.ResponseStream.MoveNext(timeout.Token))
            {
            }
        };
        return (await read.Should().ThrowAsync<RpcException>()).Which;
    }

    /// <summary>The server may end the call before the first message is written: that is its answer, read next.</summary>
    private static async Task WriteIgnoringEndedStreamAsync(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call, ClientMessage message)
    {
        try
        {
            await call.RequestStream.WriteAsync(message);
        }
        catch (RpcException)
        {
        }
    }

    private async Task WaitForLineAsync(string expected)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var line = await _node.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The grpc-js server exited before printing '{expected}'.");
            if (line == expected)
            {
                return;
            }
        }
    }
}
