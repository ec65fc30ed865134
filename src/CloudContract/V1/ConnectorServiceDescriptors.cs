using QbConnector.Grpc.Core;

namespace QbConnector.CloudContract.V1;

/// <summary>
/// The methods of qbconnector.connector.v1.ConnectorService, as protoc-gen-grpc would describe
/// them: full names and protobuf marshallers, shared by the connector (client) and the cloud.
/// </summary>
public static class ConnectorServiceDescriptors
{
    public const string ServiceName = "qbconnector.connector.v1.ConnectorService";

    /// <summary>The metadata key that carries the install credential, as "Bearer &lt;credential&gt;".</summary>
    public const string AuthorizationHeader = "authorization";

    public const string BearerPrefix = "Bearer ";

    public static readonly Marshaller<LinkRequest> LinkRequestMarshaller = Marshallers.CreateProtobuf(LinkRequest.Parser);

    public static readonly Marshaller<LinkResponse> LinkResponseMarshaller = Marshallers.CreateProtobuf(LinkResponse.Parser);

    public static readonly Marshaller<ClientMessage> ClientMessageMarshaller = Marshallers.CreateProtobuf(ClientMessage.Parser);

    public static readonly Marshaller<ServerMessage> ServerMessageMarshaller = Marshallers.CreateProtobuf(ServerMessage.Parser);

    /// <summary>/qbconnector.connector.v1.ConnectorService/Link</summary>
    public static readonly Method<LinkRequest, LinkResponse> Link =
        new(MethodType.Unary, ServiceName, "Link", LinkRequestMarshaller, LinkResponseMarshaller);

    /// <summary>/qbconnector.connector.v1.ConnectorService/Connect</summary>
    public static readonly Method<ClientMessage, ServerMessage> Connect =
        new(MethodType.DuplexStreaming, ServiceName, "Connect", ClientMessageMarshaller, ServerMessageMarshaller);

    public static readonly Marshaller<UnlinkRequest> UnlinkRequestMarshaller = Marshallers.CreateProtobuf(UnlinkRequest.Parser);

    public static readonly Marshaller<UnlinkResponse> UnlinkResponseMarshaller = Marshallers.CreateProtobuf(UnlinkResponse.Parser);

    /// <summary>/qbconnector.connector.v1.ConnectorService/Unlink</summary>
    public static readonly Method<UnlinkRequest, UnlinkResponse> Unlink =
        new(MethodType.Unary, ServiceName, "Unlink", UnlinkRequestMarshaller, UnlinkResponseMarshaller);

    /// <summary>Call headers that carry an install credential.</summary>
    public static Metadata BearerHeaders(string credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(credential);
        return new Metadata { { AuthorizationHeader, BearerPrefix + credential } };
    }

    /// <summary>The credential of an "authorization: Bearer ..." header, or null if there is none.</summary>
    public static string? ReadBearer(Metadata headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var value = headers.GetValue(AuthorizationHeader);
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = value[BearerPrefix.Length..].Trim();
        return credential.Length == 0 ? null : credential;
    }
}
