using QbConnector.Grpc.Core;

namespace QbConnector.CloudContract.V1;

/// <summary>
/// Client for ConnectorService, in the shape protoc-gen-grpc generates: one method per RPC over
/// a <see cref="CallInvoker"/> (for example <c>GrpcChannel.CreateCallInvoker()</c>).
/// </summary>
public sealed class ConnectorServiceClient
{
    private readonly CallInvoker _invoker;

    public ConnectorServiceClient(CallInvoker callInvoker)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        _invoker = callInvoker;
    }

    /// <summary>Exchanges a licence key for an install credential (see the contract for its errors).</summary>
    public AsyncUnaryCall<LinkResponse> LinkAsync(LinkRequest request, CallOptions options) =>
        _invoker.AsyncUnaryCall(ConnectorServiceDescriptors.Link, null, options, request);

    public AsyncUnaryCall<LinkResponse> LinkAsync(LinkRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        LinkAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Ends one company's link from the connector's side (see the contract); the headers must carry the install credential.</summary>
    public AsyncUnaryCall<UnlinkResponse> UnlinkAsync(UnlinkRequest request, CallOptions options) =>
        _invoker.AsyncUnaryCall(ConnectorServiceDescriptors.Unlink, null, options, request);

    public AsyncUnaryCall<UnlinkResponse> UnlinkAsync(UnlinkRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UnlinkAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Opens the install's work stream; the headers must carry its credential (<see cref="ConnectorServiceDescriptors.BearerHeaders"/>).</summary>
    public AsyncDuplexStreamingCall<ClientMessage, ServerMessage> Connect(CallOptions options) =>
        _invoker.AsyncDuplexStreamingCall(ConnectorServiceDescriptors.Connect, null, options);

    public AsyncDuplexStreamingCall<ClientMessage, ServerMessage> Connect(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        Connect(new CallOptions(headers, deadline, cancellationToken));
}
