using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Control;

/// <summary>The engine's local control API: JSON over HTTP on a socket only its user can open.</summary>
public sealed class ControlServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;

    private ControlServer(WebApplication app) => _app = app;

    public static Task<ControlServer> StartAsync(DataDirectory data, IEngineControl control, CancellationToken cancellationToken = default) =>
        StartAsync(data, control, new ControlServerOptions(), cancellationToken);

    public static async Task<ControlServer> StartAsync(DataDirectory data, IEngineControl control, ControlServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        var socket = ControlEndpoint.SocketPath(data);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            if (OperatingSystem.IsWindows())
            {
                kestrel.ListenNamedPipe(ControlEndpoint.PipeName(data));
            }
            else
            {
                // A socket left by a killed engine would block the bind; the single-instance lock proves it is stale.
                File.Delete(socket);
                kestrel.ListenUnixSocket(socket);
            }
        });
        var app = builder.Build();
        Map(app, control, options);
        await app.StartAsync(cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new ControlServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, IEngineControl control, ControlServerOptions options)
    {
        app.MapGet("/status", (CancellationToken ct) => Run(() => control.GetStatusAsync(ct)));
        app.MapGet("/status/stream", (HttpContext context) => StatusStream.ServeAsync(context, control, options));
        app.MapGet("/licences/{key}", (string key, CancellationToken ct) => Run(() => control.DescribeLicenceAsync(Uri.UnescapeDataString(key), ct)));
        app.MapPost("/companies", (HttpRequest request, CancellationToken ct) => WithBody<LinkCompanyRequest>(request, ct, body => control.LinkAsync(body, ct)));
        // Route values keep %2F encoded; ids are decoded here so any id round-trips.
        app.MapDelete("/companies/{id}", (string id, CancellationToken ct) => Run(() => control.UnlinkAsync(Uri.UnescapeDataString(id), ct)));
        app.MapPost("/sync", (HttpRequest request, CancellationToken ct) => WithBody<SyncRequest>(request, ct, body => control.SyncAsync(body, ct)));
        app.MapPost("/pause", (HttpRequest request, CancellationToken ct) => WithBody<PauseRequest>(request, ct, body => control.PauseAsync(body, ct)));
        app.MapPost("/resume", (string? company, CancellationToken ct) => Run(() => control.ResumeAsync(company, ct)));
    }

    private static async Task<IResult> WithBody<T>(HttpRequest request, CancellationToken ct, Func<T, Task<CommandResult>> action)
        where T : class
    {
        T? body;
        try
        {
            body = await request.ReadFromJsonAsync<T>(Json, ct);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: 400, title: "The request body is not valid JSON for this command.", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: "The request was refused.", detail: ex.Message);
        }

        return body is null
            ? Results.Problem(statusCode: 400, title: "The request needs a JSON body.")
            : await Run(() => action(body));
    }

    private static async Task<IResult> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return Results.Json(await action(), Json);
        }
        catch (ControlException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Serilog.Log.Error(ex, "The control API could not answer");
            return Results.Problem(statusCode: 500, title: "The engine could not answer; its log has the details.");
        }
    }
}
