using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Server;

namespace QbConnector.Grpc.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, h2c unless a certificate is given.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GrpcTestServer> StartAsync(
        Action<IEndpointRouteBuilder> map,
        Action<GrpcServiceOptions>? configure = null,
        TimeProvider? clock = null,
        X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(configure);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (certificate is null)
            {
                kestrel.ListenGrpcLoopback();
            }
            else
            {
                kestrel.ListenGrpcTls(IPAddress.Loopback, 0, certificate);
            }
        });
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(bound).Port;
        var scheme = certificate is null ? "http" : "https";
        return new GrpcTestServer(app, new Uri($"{scheme}://127.0.0.1:{port}"));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
