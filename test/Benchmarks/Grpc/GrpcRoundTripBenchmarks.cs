using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;

namespace QbConnector.Benchmarks.Grpc;

/// <summary>Unary and bidi round trips between the project's client and server over loopback h2c.</summary>
[MemoryDiagnoser]
public class GrpcRoundTripBenchmarks
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);
    private static readonly Method<byte[], byte[]> Unary = new(MethodType.Unary, "bench.Echo", "Unary", Bytes, Bytes);
    private static readonly Method<byte[], byte[]> Duplex = new(MethodType.DuplexStreaming, "bench.Echo", "Duplex", Bytes, Bytes);

    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;
    private CallInvoker _invoker = null!;
    private AsyncDuplexStreamingCall<byte[], byte[]> _duplex = null!;
    private byte[] _message = null!;

    [Params(100, 64 * 1024)]
    public int MessageSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpcLoopback());
        _app = builder.Build();
        _app.MapGrpcUnary(Unary, (request, context) => Task.FromResult(request));
        _app.MapGrpcDuplexStreaming(Duplex, async (requests, responses, context) =>
        {
            while (await requests.MoveNext(context.CancellationToken))
            {
                await responses.WriteAsync(requests.Current);
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = GrpcChannel.ForAddress(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        _invoker = _channel.CreateCallInvoker();
        _duplex = _invoker.AsyncDuplexStreamingCall(Duplex, null, default);
        _message = new byte[MessageSize];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _duplex.RequestStream.CompleteAsync();
        _duplex.Dispose();
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> UnaryRoundTrip() => (await _invoker.AsyncUnaryCall(Unary, null, default, _message)).Length;

    [Benchmark]
    public async Task<int> BidiPingPong()
    {
        await _duplex.RequestStream.WriteAsync(_message);
        await _duplex.ResponseStream.MoveNext(CancellationToken.None);
        return _duplex.ResponseStream.Current.Length;
    }
}
