using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>
/// A download server on loopback that honours HTTP Range, as a CDN does, and records the Range
/// header of every request. A package can be served slowly so a test can interrupt a download.
/// </summary>
internal sealed class RangeFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    private RangeFileServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string?> RangeHeaders { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RangeFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new RangeFileServer(app);
        app.MapGet("/packages/{name}", (string name, HttpRequest request) =>
        {
            server.RangeHeaders.Enqueue(request.Headers.Range.ToString() is { Length: > 0 } range ? range : null);
            return server._files.TryGetValue(name, out var bytes)
                ? Results.Bytes(bytes, "application/octet-stream", enableRangeProcessing: true)
                : Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public Uri Publish(string name, byte[] bytes)
    {
        _files[name] = bytes;
        return new Uri(BaseAddress, $"/packages/{name}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
