using System.Net.Security;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The largest response message accepted, or null for no limit; 4 MiB by default.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>The largest request message sent, or null for no limit; 4 MiB by default.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>A handler to send requests with; when null the channel builds a SocketsHttpHandler from the settings below.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>A client to send requests with (its Timeout should be infinite); takes precedence over <see cref="HttpHandler"/>.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> or <see cref="HttpClient"/>.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>How long a connection with calls in flight stays silent before a keepalive ping; about a minute keeps NATs open without tripping servers' ping limits.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for a ping's answer before the connection counts as dead.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Opens more HTTP/2 connections when one reaches the server's concurrent-stream limit (often 100).</summary>
    public bool EnableMultipleHttp2Connections { get; set; } = true;

    /// <summary>How long to wait for a connection (TCP and TLS); infinite by default, bounded by the call's deadline.</summary>
    public TimeSpan ConnectTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// Validates the server certificate on https addresses instead of the system's trust store
    /// (for example to pin a certificate). Null means the default validation.
    /// </summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }

    /// <summary>The clock for deadlines.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
