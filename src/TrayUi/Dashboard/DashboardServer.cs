using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;
using QbConnector.TrayUi.Status;

namespace QbConnector.TrayUi.Dashboard;

/// <summary>
/// The local dashboard: a small web server on 127.0.0.1 (random port) that serves the embedded
/// page and turns its requests into control API commands for the engine.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan PauseLength = TimeSpan.FromHours(24);

    private readonly WebApplication _app;
    private readonly ControlClient _engine;
    private readonly EngineWatcher _watcher;
    private readonly bool _ownsWatcher;

    private DashboardServer(WebApplication app, ControlClient engine, EngineWatcher watcher, bool ownsWatcher, string token, int port)
    {
        _app = app;
        _engine = engine;
        _watcher = watcher;
        _ownsWatcher = ownsWatcher;
        Token = token;
        Port = port;
    }

    public int Port { get; }

    public string Token { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>The address the tray opens: the token travels once, and is then kept in a cookie.</summary>
    public Uri OpenUri(string? fragment = null) => new($"http://127.0.0.1:{Port}/?token={Token}{(fragment is null ? "" : "#" + fragment)}");

    public EngineWatcher Watcher => _watcher;

    public static async Task<DashboardServer> StartAsync(DataDirectory data, TimeProvider clock, Serilog.ILogger log, EngineWatcher? watcher = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.EnsureExists();
        var files = new DashboardFiles(data);
        var token = DashboardToken.LoadOrCreate(files);
        var ownsWatcher = watcher is null;
        watcher ??= new EngineWatcher(data, clock, log);
        watcher.Start();
        try
        {
            await watcher.FirstAnswer.WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
        catch (TimeoutException)
        {
            // An engine slow to answer: the page shows what is known and follows the stream.
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 64 * 1024;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var guard = new GuardHolder();
        var engine = new ControlClient(data);
        app.Use((context, next) => Guard(context, next, guard));
        Map(app, engine, watcher, clock);
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        guard.Guard = new RequestGuard(token, port);
        files.WriteOwnerOnly(files.EndpointFile, JsonSerializer.Serialize(new DashboardEndpoint(port, Environment.ProcessId), Json));
        log.Information("Dashboard listening on 127.0.0.1:{Port}", port);
        return new DashboardServer(app, engine, watcher, ownsWatcher, token, port);
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _engine.Dispose();
        if (_ownsWatcher)
        {
            await _watcher.DisposeAsync();
        }
    }

    private static async Task Guard(HttpContext context, RequestDelegate next, GuardHolder holder)
    {
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.CacheControl = "no-store";
        var guard = holder.Guard;
        if (guard is null)
        {
            response.StatusCode = 503;
            return;
        }

        var request = context.Request;
        var decision = guard.Check(
            request.Path.Value ?? "/",
            request.Method,
            request.Headers.Host.ToString(),
            request.Headers.Origin.Count > 0 ? request.Headers.Origin.ToString() : null,
            request.Headers["Sec-Fetch-Site"].Count > 0 ? request.Headers["Sec-Fetch-Site"].ToString() : null,
            request.Cookies[guard.CookieName],
            request.Query["token"].Count > 0 ? request.Query["token"].ToString() : null);
        switch (decision.Verdict)
        {
            case GuardVerdict.Allow:
                await next(context);
                return;
            case GuardVerdict.SetCookieAndRedirect:
                response.Cookies.Append(guard.CookieName, request.Query["token"].ToString(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Path = "/",
                    IsEssential = true,
                });
                // Drop the token from the address bar and the history.
                response.StatusCode = decision.StatusCode;
                response.Headers.Location = "/";
                return;
            default:
                response.StatusCode = decision.StatusCode;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(decision.Reason ?? "Refused.");
                return;
        }
    }

    private static void Map(WebApplication app, ControlClient engine, EngineWatcher watcher, TimeProvider clock)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/assets/{name}", (string name) => Asset(name));
        app.MapGet("/api/state", () => Results.Json(DashboardViews.From(watcher.Current.View, clock), Json));
        app.MapGet("/api/state/stream", (HttpContext context) => StreamAsync(context, watcher, clock));

        app.MapPost("/api/licence", (HttpRequest request, CancellationToken ct) => WithBody<LicenceForm>(request, ct, async form =>
        {
            if (string.IsNullOrWhiteSpace(form.LicenceKey))
            {
                return Refused(400, "Enter the licence key the platform gave you.");
            }

            var info = await engine.DescribeLicenceAsync(form.LicenceKey.Trim(), ct);
            return Results.Json(DashboardViews.Platform(info.Branding), Json);
        }));
        app.MapPost("/api/company-file/check", (HttpRequest request, CancellationToken ct) => WithBody<CompanyFileForm>(request, ct, form =>
        {
            var problem = CompanyFileCheck.Problem(form.Path);
            return Task.FromResult(problem is null ? Results.Json(new MessageBody("Found the company file."), Json) : Refused(400, problem));
        }));
        app.MapPost("/api/companies", (HttpRequest request, CancellationToken ct) => WithBody<AddCompanyForm>(request, ct, async form =>
        {
            if (string.IsNullOrWhiteSpace(form.LicenceKey))
            {
                return Refused(400, "Enter the licence key the platform gave you.");
            }

            if (CompanyFileCheck.Problem(form.CompanyFile) is { } fileProblem)
            {
                return Refused(400, fileProblem);
            }

            if (!Regions.IsKnown(form.Region))
            {
                return Refused(400, "Choose the country of your QuickBooks edition: Canada, UK or US.");
            }

            var result = await engine.LinkAsync(new LinkCompanyRequest(form.LicenceKey.Trim(), CompanyFileCheck.Normalise(form.CompanyFile!), form.Region!, Wait: false), ct);
            return Results.Json(new MessageBody(result.Message, result.CompanyId), Json);
        }));
        app.MapDelete("/api/companies/{id}", (string id, CancellationToken ct) => Command(() => engine.UnlinkAsync(Uri.UnescapeDataString(id), ct)));
        app.MapPost("/api/companies/{id}/sync", (string id, CancellationToken ct) => Command(() => engine.SyncAsync(new SyncRequest(Uri.UnescapeDataString(id)), ct)));
        app.MapPost("/api/companies/{id}/pause", (string id, CancellationToken ct) => Command(() => engine.PauseAsync(new PauseRequest(Uri.UnescapeDataString(id), PauseLength), ct)));
        app.MapPost("/api/companies/{id}/resume", (string id, CancellationToken ct) => Command(() => engine.ResumeAsync(Uri.UnescapeDataString(id), ct)));
        app.MapPost("/api/sync", (CancellationToken ct) => Command(() => engine.SyncAsync(new SyncRequest(), ct)));
        app.MapPost("/api/pause", (CancellationToken ct) => Command(() => engine.PauseAsync(new PauseRequest(null, PauseLength), ct)));
        app.MapPost("/api/resume", (CancellationToken ct) => Command(() => engine.ResumeAsync(null, ct)));
    }

    private static async Task StreamAsync(HttpContext context, EngineWatcher watcher, TimeProvider clock)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = ended.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        var (view, version) = watcher.Current;
        try
        {
            while (true)
            {
                var json = JsonSerializer.Serialize(DashboardViews.From(view, clock), Json);
                await response.WriteAsync($"data: {json}\n\n", ct);
                await response.Body.FlushAsync(ct);
                (view, version) = await watcher.NextAsync(version, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed, or the dashboard is stopping.
        }
    }

    private static async Task<IResult> WithBody<T>(HttpRequest request, CancellationToken ct, Func<T, Task<IResult>> action)
        where T : class
    {
        T? body;
        try
        {
            body = await request.ReadFromJsonAsync<T>(Json, ct);
        }
        catch (JsonException)
        {
            return Refused(400, "The request was not understood.");
        }
        catch (BadHttpRequestException ex)
        {
            return Refused(ex.StatusCode, "The request was refused.");
        }
        catch (InvalidOperationException)
        {
            return Refused(415, "The request must be JSON.");
        }

        if (body is null)
        {
            return Refused(400, "The request was empty.");
        }

        try
        {
            return await action(body);
        }
        catch (EngineNotRunningException)
        {
            return EngineDown();
        }
        catch (ControlException ex)
        {
            return Refused(ex.StatusCode, ex.Message);
        }
    }

    private static async Task<IResult> Command(Func<Task<CommandResult>> action)
    {
        try
        {
            var result = await action();
            return Results.Json(new MessageBody(result.Message, result.CompanyId), Json);
        }
        catch (EngineNotRunningException)
        {
            return EngineDown();
        }
        catch (ControlException ex)
        {
            return Refused(ex.StatusCode, ex.Message);
        }
    }

    private static IResult EngineDown() => Refused(503, "The connector is not running, so it cannot do this now. It starts by itself when you log on to Windows.");

    private static IResult Refused(int status, string message) => Results.Json(new MessageBody(message), Json, statusCode: status);

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        var stream = type is null ? null : typeof(DashboardServer).Assembly.GetManifestResourceStream("dashboard/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }

    private sealed class GuardHolder
    {
        public volatile RequestGuard? Guard;
    }
}

/// <summary>Where a running dashboard listens, so the 'open' command can find it.</summary>
internal sealed record DashboardEndpoint(int Port, int ProcessId);
