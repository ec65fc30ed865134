using System.Net;
using System.Text;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.Server;

/// <summary>The server against hand-made HTTP/2 requests with broken bodies and headers.</summary>
public sealed class HostileClientTests : IAsyncLifetime
{
    private GrpcTestServer _server = null!;
    private int _handlerCalls;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(endpoints =>
    {
        endpoints.MapGrpcUnary(TestMethods.Unary, (request, context) =>
        {
            Interlocked.Increment(ref _handlerCalls);
            return Task.FromResult("echo:" + request);
        });
        endpoints.MapGrpcUnary(TestMethods.Create(MethodType.Unary, "Sleep"), async (request, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "never";
        });
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_well_formed_request_gets_its_answer()
    {
        var reply = await RawHttp2.PostAsync(_server.Address, "/test.Echo/Unary", RawHttp2.Frame("hi"u8.ToArray()));

        reply.HttpStatus.Should().Be(HttpStatusCode.OK);
        reply.GrpcStatus.Should().Be("0");
        reply.Body.Should().Equal(RawHttp2.Frame("echo:hi"u8.ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF }, "8")]
    [InlineData(new byte[] { 0, 0, 0, 0, 10, 1, 2, 3 }, "13")]
    [InlineData(new byte[] { 1, 0, 0, 0, 2, 104, 105 }, "13")]
    [InlineData(new byte[] { 7, 0, 0, 0, 2, 104, 105 }, "13")]
    [InlineData(new byte[] { 0, 0, 0, 0, 2, 104, 105, 0xDE, 0xAD }, "13")]
    [InlineData(new byte[] { 0, 0, 0, 0, 2, 104, 105, 0, 0, 0, 0, 2, 104, 105 }, "13")]
    [InlineData(new byte[] { }, "13")]
    public async Task A_broken_body_gets_a_clear_status_without_reaching_the_handler(byte[] body, string expectedStatus)
    {
        var reply = await RawHttp2.PostAsync(_server.Address, "/test.Echo/Unary", body);

        reply.HttpStatus.Should().Be(HttpStatusCode.OK);
        reply.GrpcStatus.Should().Be(expectedStatus, reply.GrpcMessage);
        _handlerCalls.Should().Be(0);
    }

    [Fact]
    public async Task A_non_grpc_content_type_gets_415()
    {
        var reply = await RawHttp2.PostAsync(_server.Address, "/test.Echo/Unary", "{}"u8.ToArray(), "application/json");

        reply.HttpStatus.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_method_gets_unimplemented_as_trailers_only()
    {
        var reply = await RawHttp2.PostAsync(_server.Address, "/test.Echo/Missing", RawHttp2.Frame([]));

        reply.HttpStatus.Should().Be(HttpStatusCode.OK);
        reply.Response.Headers.GetValues("grpc-status").Should().Equal("12");
        reply.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task The_grpc_timeout_header_ends_a_sleeping_call_with_deadline_exceeded()
    {
        var reply = await RawHttp2.PostAsync(_server.Address, "/test.Echo/Sleep", RawHttp2.Frame("hi"u8.ToArray()), headers: h => h.TryAddWithoutValidation("grpc-timeout", "200m"));

        reply.GrpcStatus.Should().Be("4");
    }

    [Fact]
    public async Task Status_messages_are_percent_encoded()
    {
        await using var server = await GrpcTestServer.StartAsync(endpoints => endpoints.MapGrpcUnary(TestMethods.Unary, (request, context) =>
            throw new RpcException(new Status(StatusCode.InvalidArgument, "bad ☺ 100%\n"))));

        var reply = await RawHttp2.PostAsync(server.Address, "/test.Echo/Unary", RawHttp2.Frame("hi"u8.ToArray()));

        reply.GrpcStatus.Should().Be("3");
        reply.GrpcMessage.Should().Be("bad %E2%98%BA 100%25%0A");
        Encoding.ASCII.GetString(reply.Body).Should().BeEmpty();
    }
}
