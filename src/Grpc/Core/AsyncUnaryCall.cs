using System.Runtime.CompilerServices;

namespace QbConnector.Grpc.Core;

/// <summary>A unary call in progress. Disposing it cancels the call if it is not over.</summary>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly Func<Status> _getStatus;
    private readonly Func<Metadata> _getTrailers;
    private readonly Action _dispose;

    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ResponseAsync = responseAsync;
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
    }

    /// <summary>The response, or an <see cref="RpcException"/> with the call's status.</summary>
    public Task<TResponse> ResponseAsync { get; }

    public Task<Metadata> ResponseHeadersAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public ConfiguredTaskAwaitable<TResponse> ConfigureAwait(bool continueOnCapturedContext) => ResponseAsync.ConfigureAwait(continueOnCapturedContext);

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> before the call is over.</summary>
    public Status GetStatus() => _getStatus();

    /// <summary>The trailers; throws <see cref="InvalidOperationException"/> before the call is over.</summary>
    public Metadata GetTrailers() => _getTrailers();

    public void Dispose() => _dispose();
}
