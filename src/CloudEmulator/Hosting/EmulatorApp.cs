using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Rest;
using QbConnector.CloudEmulator.Store;
using QbConnector.Grpc.Server;
using Serilog.Extensions.Logging;

namespace QbConnector.CloudEmulator.Hosting;

/// <summary>
/// The running emulator: one store, a gRPC host (h2c only) and a REST/HTML host (HTTP/1.1), both
/// on 127.0.0.1. Two hosts because a cleartext port speaks either HTTP/2 or HTTP/1.1, never both.
/// </summary>
internal sealed class EmulatorApp : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    private readonly EmulatorDatabase _database;
    private readonly WebApplication _grpc;
    private readonly WebApplication _rest;
    private int _stopped;

    private EmulatorApp(EmulatorDatabase database, WebApplication grpc, WebApplication rest, EmulatorServices services)
    {
        _database = database;
        _grpc = grpc;
        _rest = rest;
        Services = services;
    }

    public int GrpcPort { get; private set; }

    public int HttpPort { get; private set; }

    internal EmulatorServices Services { get; }

    public static async Task<EmulatorApp> StartAsync(EmulatorOptions options, Serilog.ILogger log, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(options.UpdatesDirectory);
        var database = new EmulatorDatabase(options.DataDirectory);
        try
        {
            var services = new EmulatorServices(database, options, time ?? TimeProvider.System, log);
            var grpc = Build(options.GrpcPort, HttpProtocols.Http2, services, log, s => s.AddGrpc(), GrpcApi.Map);
            var rest = Build(options.HttpPort, HttpProtocols.Http1, services, log, _ => { }, RestApi.Map);
            var app = new EmulatorApp(database, grpc, rest, services);
            await grpc.StartAsync(cancellationToken);
            await rest.StartAsync(cancellationToken);
            app.GrpcPort = PortOf(grpc);
            app.HttpPort = PortOf(rest);
            log.Information("Cloud emulator listening: gRPC on {GrpcPort}, REST on {HttpPort}, data in {DataDirectory}", app.GrpcPort, app.HttpPort, options.DataDirectory);
            return app;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        Services.Sessions.EndAll();
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        await _grpc.StopAsync(timeout.Token);
        await _rest.StopAsync(timeout.Token);
        await _grpc.DisposeAsync();
        await _rest.DisposeAsync();
        _database.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static WebApplication Build(int port, HttpProtocols protocols, EmulatorServices services, Serilog.ILogger log, Action<IServiceCollection> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols);
            kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddProvider(new SerilogLoggerProvider(log, dispose: false));
        builder.Services.AddSingleton<IHostLifetime, ProgramOwnedLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        services.Register(builder.Services);
        configure(builder.Services);
        var app = builder.Build();
        map(app);
        return app;
    }

    private static int PortOf(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address).Port;
    }
}
