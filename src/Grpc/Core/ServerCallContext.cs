namespace QbConnector.Grpc.Core;

/// <summary>What a server method knows about its call, and what it can set on the response.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method name, "/package.Service/Method".</summary>
    public string Method => MethodCore;

    public string Host => HostCore;

    /// <summary>The client's address, as "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000".</summary>
    public string Peer => PeerCore;

    /// <summary>When the client wants the call over, in UTC; <see cref="DateTime.MaxValue"/> for none.</summary>
    public DateTime Deadline => DeadlineCore;

    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Cancelled when the client cancels, the deadline passes or the connection drops.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    /// <summary>Trailers sent with the final status.</summary>
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>The status sent when the method returns normally (OK unless set).</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    /// <summary>Sends the response headers now, with these entries; at most once, before the first message.</summary>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    protected abstract string MethodCore { get; }

    protected abstract string HostCore { get; }

    protected abstract string PeerCore { get; }

    protected abstract DateTime DeadlineCore { get; }

    protected abstract Metadata RequestHeadersCore { get; }

    protected abstract CancellationToken CancellationTokenCore { get; }

    protected abstract Metadata ResponseTrailersCore { get; }

    protected abstract Status StatusCore { get; set; }

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}
