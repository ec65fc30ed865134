using System.Net;
using System.Net.Http;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Client;

/// <summary>
/// A long-lived connection pool to one gRPC server ("http://" for h2c, "https://" for TLS with
/// ALPN). Create one per server and share it; calls go through <see cref="CreateCallInvoker"/>.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _disposeInvoker;
    private readonly CancellationTokenSource _disposed = new();

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must be http:// (h2c) or https://.", nameof(address));
        }

        Address = address;
        Options = options;
        if (options.HttpClient is { } client)
        {
            _invoker = client;
            _disposeInvoker = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is { } handler)
        {
            _invoker = new HttpMessageInvoker(handler, options.DisposeHttpClient);
            _disposeInvoker = true;
        }
        else
        {
            _invoker = new HttpMessageInvoker(CreateHttpHandler(options), disposeHandler: true);
            _disposeInvoker = true;
        }
    }

    public Uri Address { get; }

    /// <summary>The address as given, like Grpc.Net's Target.</summary>
    public string Target => Address.Authority;

    internal GrpcChannelOptions Options { get; }

    internal CancellationToken DisposedToken => _disposed.Token;

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>
    /// The handler a channel builds when none is given: HTTP/2 keepalive pings while calls are
    /// open, connections kept however long they idle, several connections past the stream limit.
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(GrpcChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = options.EnableMultipleHttp2Connections,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            // Pings on idle connections count against servers' ping limits (GOAWAY too_many_pings).
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = options.ConnectTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (options.ServerCertificateValidationCallback is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        return handler;
    }

    public CallInvoker CreateCallInvoker() => new HttpClientCallInvoker(this);

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        if (_disposeInvoker)
        {
            _invoker.Dispose();
        }

        _disposed.Dispose();
    }

    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        return _invoker is HttpClient client
            ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _invoker.SendAsync(request, cancellationToken);
    }
}
