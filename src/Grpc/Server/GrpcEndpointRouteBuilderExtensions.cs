using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Server;

/// <summary>
/// Maps gRPC methods onto ASP.NET Core endpoint routing (POST /package.Service/Method). The first
/// method of a service also maps a fallback under the service's path, so calls to methods it
/// lacks get UNIMPLEMENTED rather than an HTTP 404.
/// </summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, HashSet<string>> MappedServices = new();

    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        Check(endpoints, method, handler, MethodType.Unary);
        var (options, clock) = Settings(endpoints);
        return Map(endpoints, method, ServerCallHandler<TRequest, TResponse>.Unary(method, handler, options, clock).HandleAsync);
    }

    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        Check(endpoints, method, handler, MethodType.ServerStreaming);
        var (options, clock) = Settings(endpoints);
        return Map(endpoints, method, ServerCallHandler<TRequest, TResponse>.ServerStreaming(method, handler, options, clock).HandleAsync);
    }

    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        Check(endpoints, method, handler, MethodType.ClientStreaming);
        var (options, clock) = Settings(endpoints);
        return Map(endpoints, method, ServerCallHandler<TRequest, TResponse>.ClientStreaming(method, handler, options, clock).HandleAsync);
    }

    public static IEndpointConventionBuilder MapGrpcMethod<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        Check(endpoints, method, handler, MethodType.DuplexStreaming);
        var (options, clock) = Settings(endpoints);
        return Map(endpoints, method, ServerCallHandler<TRequest, TResponse>.DuplexStreaming(method, handler, options, clock).HandleAsync);
    }

    /// <summary>Maps a unary method; unlike the MapGrpcMethod overloads, lambdas need no parameter types.</summary>
    public static IEndpointConventionBuilder MapGrpcUnary<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class => endpoints.MapGrpcMethod(method, handler);

    public static IEndpointConventionBuilder MapGrpcServerStreaming<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class => endpoints.MapGrpcMethod(method, handler);

    public static IEndpointConventionBuilder MapGrpcClientStreaming<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class => endpoints.MapGrpcMethod(method, handler);

    public static IEndpointConventionBuilder MapGrpcDuplexStreaming<TRequest, TResponse>(this IEndpointRouteBuilder endpoints, Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class => endpoints.MapGrpcMethod(method, handler);

    /// <summary>Answers UNIMPLEMENTED for every gRPC request to a service nobody mapped (POST /{service}/{method}).</summary>
    public static IEndpointConventionBuilder MapGrpcUnimplementedServices(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var builder = endpoints.MapMethods("/{unimplementedService}/{unimplementedMethod}", [HttpMethods.Post], GrpcEndpoints.UnimplementedAsync);
        builder.Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        return builder;
    }

    private static void Check(IEndpointRouteBuilder endpoints, IMethod method, Delegate handler, MethodType expected)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Type != expected)
        {
            throw new ArgumentException($"Method {method.FullName} is {method.Type}, but the handler is for {expected}.", nameof(method));
        }
    }

    private static (GrpcServiceOptions Options, TimeProvider Clock) Settings(IEndpointRouteBuilder endpoints) =>
        (endpoints.ServiceProvider.GetService<IOptions<GrpcServiceOptions>>()?.Value ?? new GrpcServiceOptions(),
         endpoints.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System);

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, IMethod method, RequestDelegate handle)
    {
        var builder = endpoints.MapMethods(method.FullName, [HttpMethods.Post], handle);
        builder.WithDisplayName($"gRPC {method.FullName}");
        var services = MappedServices.GetOrCreateValue(endpoints);
        bool first;
        lock (services)
        {
            first = services.Add(method.ServiceName);
        }

        if (first)
        {
            var fallback = endpoints.MapMethods("/" + method.ServiceName + "/{unimplementedMethod}", [HttpMethods.Post], GrpcEndpoints.UnimplementedAsync);
            fallback.WithDisplayName($"gRPC unimplemented method of {method.ServiceName}");
        }

        return builder;
    }
}
