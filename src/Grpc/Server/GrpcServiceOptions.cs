using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Server;

/// <summary>Settings of the server side, registered with <see cref="GrpcServiceCollectionExtensions.AddGrpc"/>.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>The largest request message accepted, or null for no limit; 4 MiB by default.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>The largest response message sent, or null for no limit; 4 MiB by default.</summary>
    public int? MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Whether an unexpected handler exception's type and message go to the client (for development only).</summary>
    public bool EnableDetailedErrors { get; set; }
}
