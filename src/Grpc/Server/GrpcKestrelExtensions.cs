using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace QbConnector.Grpc.Server;

/// <summary>Kestrel endpoints for gRPC.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>
    /// A cleartext HTTP/2 (h2c) endpoint. Only HTTP/2: "Http1AndHttp2" on a cleartext port means
    /// HTTP/1.1 alone, which cannot carry gRPC. Port 0 picks a free port.
    /// </summary>
    public static KestrelServerOptions ListenGrpcH2c(this KestrelServerOptions options, IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        options.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http2);
        return options;
    }

    /// <summary>An h2c endpoint on 127.0.0.1 (port 0 picks a free port).</summary>
    public static KestrelServerOptions ListenGrpcLoopback(this KestrelServerOptions options, int port = 0) =>
        options.ListenGrpcH2c(IPAddress.Loopback, port);

    /// <summary>A TLS endpoint; ALPN offers h2 to gRPC clients and HTTP/1.1 to browsers.</summary>
    public static KestrelServerOptions ListenGrpcTls(this KestrelServerOptions options, IPAddress address, int port, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(certificate);
        options.Listen(address, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        });
        return options;
    }
}
