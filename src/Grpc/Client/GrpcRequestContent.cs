using System.Net;
using System.Net.Http.Headers;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Client;

/// <summary>
/// The request body of a call. HttpClient asks it for the body only once the stream is open,
/// so the first message is written from here, never after awaiting the response headers:
/// servers send headers when they first write, and waiting on each other would hang both sides.
/// </summary>
internal sealed class GrpcRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcProtocol.ContentType);
    private readonly Func<Stream, CancellationToken, Task> _writeBody;

    public GrpcRequestContent(Func<Stream, CancellationToken, Task> writeBody)
    {
        _writeBody = writeBody;
        Headers.ContentType = GrpcContentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _writeBody(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => _writeBody(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
