using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Server;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>Maps the contract's methods on the h2c host.</summary>
internal static class GrpcApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var link = app.Services.GetRequiredService<LinkHandler>();
        var connect = app.Services.GetRequiredService<ConnectHandler>();
        app.MapGrpcUnary(ConnectorServiceDescriptors.Link, link.LinkAsync);
        app.MapGrpcDuplexStreaming(ConnectorServiceDescriptors.Connect, connect.ConnectAsync);
        app.MapGrpcUnary(ConnectorServiceDescriptors.Unlink, app.Services.GetRequiredService<UnlinkHandler>().UnlinkAsync);
        app.MapGrpcUnimplementedServices();
    }
}
