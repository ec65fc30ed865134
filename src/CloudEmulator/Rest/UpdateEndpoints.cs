using System.Text.RegularExpressions;
using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Hosting;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

/// <summary>Publishing connector updates and serving their packages from the data folder's updates/.</summary>
internal static partial class UpdateEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/updates", async (HttpRequest request, UpdateStore updates, IConnectorNotifier connectors, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<PublishUpdateRequest>(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            if (string.IsNullOrWhiteSpace(body!.Version) || string.IsNullOrWhiteSpace(body.Url) || body.Sha256 is null || !Sha256Hex().IsMatch(body.Sha256))
            {
                return Problems.BadRequest("'version' and 'url' are required and 'sha256' must be 64 lower-case hex digits.");
            }

            if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                return Problems.BadRequest("'url' must be an absolute http or https URL.");
            }

            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(body.Signature ?? string.Empty);
            }
            catch (FormatException)
            {
                return Problems.BadRequest("'signature' must be base64.");
            }

            var update = updates.Publish(body.Version.Trim(), body.Url, body.Sha256, signature);
            connectors.UpdatePublished();
            return Results.Created("/updates", UpdateView.From(update));
        });

        app.MapGet("/updates", (UpdateStore updates) =>
            updates.Latest() is { } latest ? Results.Ok(UpdateView.From(latest)) : Problems.NotFound("No update has been published."));

        app.MapGet("/updates/{file}", (string file, EmulatorOptions options) =>
        {
            // Only plain file names from the one folder: no paths, no parent references.
            if (!SafeFileName().IsMatch(file))
            {
                return Problems.NotFound($"No update package '{file}'.");
            }

            var path = Path.Combine(options.UpdatesDirectory, file);
            return File.Exists(path)
                // Ranges let an interrupted download resume where it stopped.
                ? Results.File(path, "application/octet-stream", file, enableRangeProcessing: true)
                : Problems.NotFound($"No update package '{file}'.");
        });
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex SafeFileName();
}
