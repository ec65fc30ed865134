using System.Net;
using System.Net.Http.Headers;

namespace QbConnector.Grpc.Tests.Support;

/// <summary>Sends hand-made request bodies over real HTTP/2 and reads back what the server said.</summary>
public static class RawHttp2
{
    public sealed record Reply(HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, byte[] Body, HttpResponseMessage Response);

    public static async Task<Reply> PostAsync(Uri address, string path, byte[] body, string contentType = "application/grpc", Action<HttpRequestHeaders>? headers = null)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var status = First(response.TrailingHeaders, "grpc-status") ?? First(response.Headers, "grpc-status");
        var message = First(response.TrailingHeaders, "grpc-message") ?? First(response.Headers, "grpc-message");
        return new Reply(response.StatusCode, status, message, bytes, response);
    }

    public static byte[] Frame(byte[] payload, byte flag = 0) =>
        [flag, (byte)(payload.Length >> 24), (byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, .. payload];

    private static string? First(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
