using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QbConnector.Engine.Control;

/// <summary>
/// The live status as Server-Sent Events: the status now, then again each time it differs, with a
/// comment line while nothing changes so a vanished reader is noticed.
/// </summary>
internal static class StatusStream
{
    public static async Task ServeAsync(HttpContext context, IEngineControl control, ControlServerOptions options)
    {
        // A graceful stop waits for open requests: end the stream as soon as the server is stopping.
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var ct = ended.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        string? last = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                // Asked before reading, so a change between the read and the wait is not missed.
                var changed = control.StatusChangedAsync(wait.Token);
                var json = JsonSerializer.Serialize(await control.GetStatusAsync(ct), ControlServer.Json);
                await response.WriteAsync(json == last ? ": unchanged\n\n" : $"data: {json}\n\n", ct);
                await response.Body.FlushAsync(ct);
                last = json;
                await Task.WhenAny(changed, Task.Delay(options.StatusPollInterval, options.TimeProvider, wait.Token));
                await wait.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The reader went away.
        }
        catch (ControlException)
        {
            // The engine is stopping; the reader sees the stream end and reconnects.
        }
    }
}
