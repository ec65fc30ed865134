using QbConnector.CloudEmulator.Pages;

namespace QbConnector.CloudEmulator.Rest;

internal static class RestApi
{
    public static void Map(WebApplication app)
    {
        // Anything unexpected becomes a 500 problem; bad requests found by the server keep their status.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                await Problems.Problem(e.StatusCode, "Bad request", e.Message).ExecuteAsync(context);
            }
#pragma warning disable CA1031 // The last line of defence: the client gets a problem answer, the log gets the exception.
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Serilog.Log.ForContext(typeof(RestApi)).Error(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
                await Problems.Problem(StatusCodes.Status500InternalServerError, "Internal error", "The emulator failed to handle the request; see its log.").ExecuteAsync(context);
            }
        });

        StatusPage.Map(app);
        CompanyEndpoints.Map(app);
        SettingsEndpoints.Map(app);
        DataEndpoints.Map(app);
        PushEndpoints.Map(app);
        UpdateEndpoints.Map(app);
        app.MapFallback((HttpContext context) => Problems.NotFound($"No resource at {context.Request.Method} {context.Request.Path}."));
    }
}
