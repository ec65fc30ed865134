using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Server;

/// <summary>The request messages of a call, read from the request body.</summary>
internal sealed class HttpContextStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly HttpContextServerCallContext _context;
    private readonly PipeMessageReader<T> _reader;
    private T? _current;
    private bool _hasCurrent;

    public HttpContextStreamReader(HttpContextServerCallContext context, Marshaller<T> marshaller)
    {
        _context = context;
        _reader = new PipeMessageReader<T>(context.HttpContext.Request.BodyReader, marshaller.ContextualDeserializer, context.Options.MaxReceiveMessageSize);
    }

    public T Current => _hasCurrent ? _current! : throw new InvalidOperationException("No message has been read yet.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_context.CancellationToken, cancellationToken) : null;
        var token = linked?.Token ?? _context.CancellationToken;
        try
        {
            var (hasMessage, message) = await _reader.ReadAsync(token);

            // A reset stream can look like a body that ended: only a live call has a clean end.
            token.ThrowIfCancellationRequested();
            _current = message;
            _hasCurrent = hasMessage;
            return hasMessage;
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Connections.ConnectionResetException && token.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was canceled.", ex, token);
        }
    }

    /// <summary>Reads the only request of a unary or server-streaming call.</summary>
    public async Task<T> ReadSingleAsync()
    {
        if (!await MoveNext(CancellationToken.None))
        {
            throw new RpcException(new Status(StatusCode.Internal, "The request has no message."));
        }

        var request = Current;
        if (await MoveNext(CancellationToken.None))
        {
            throw new RpcException(new Status(StatusCode.Internal, "More than one request message for a method that takes one."));
        }

        return request;
    }
}
