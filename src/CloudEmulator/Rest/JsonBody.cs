using System.Text.Json;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

/// <summary>Reads a request body as JSON with a size limit, turning every failure into a problem answer.</summary>
internal static class JsonBody
{
    /// <summary>Bodies above this are refused with 413; a record to push is far smaller.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, problem) = await ReadBytesAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, JsonDefaults.Options);
            return value is null ? (null, Problems.BadRequest("The request body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"The request body is not valid JSON for this request: {e.Message}"));
        }
    }

    /// <summary>The raw body, checked to be one JSON object (a record to push).</summary>
    public static async Task<(byte[] Json, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await ReadBytesAsync(request, cancellationToken);
        if (problem is not null)
        {
            return ([], problem);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (bytes, null)
                : ([], Problems.BadRequest("The record must be a JSON object."));
        }
        catch (JsonException e)
        {
            return ([], Problems.BadRequest($"The record is not valid JSON: {e.Message}"));
        }
    }

    private static async Task<(byte[] Bytes, IResult? Problem)> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ([], Problems.UnsupportedMediaType($"Send JSON (application/json), not '{contentType}'."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return ([], Problems.TooLarge($"The request body is {request.ContentLength} bytes; the limit is {MaxBytes} bytes."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return ([], Problems.TooLarge($"The request body is larger than the limit of {MaxBytes} bytes."));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ([], Problems.TooLarge($"The request body is larger than the limit of {MaxBytes} bytes."));
        }

        return buffer.Length == 0 ? ([], Problems.BadRequest("The request needs a JSON body.")) : (buffer.ToArray(), null);
    }
}
