namespace QbConnector.CloudEmulator.Grpc;

/// <summary>Maps the contract's methods on the h2c host.</summary>
internal static class GrpcApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
