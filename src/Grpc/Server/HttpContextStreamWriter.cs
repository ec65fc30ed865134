using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Server;

/// <summary>The response messages of a streaming call, written to the response body.</summary>
internal sealed class HttpContextStreamWriter<T>(HttpContextServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    public Task WriteAsync(T message) => context.WriteMessageAsync(message, marshaller, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken) => context.WriteMessageAsync(message, marshaller, cancellationToken);
}
