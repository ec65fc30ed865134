using Microsoft.Extensions.DependencyInjection;

namespace QbConnector.Grpc.Server;

/// <summary>Registers the server side's settings.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds routing and the <see cref="GrpcServiceOptions"/>; mapping methods works without it, with the defaults.</summary>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        var builder = services.AddOptions<GrpcServiceOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }
}
