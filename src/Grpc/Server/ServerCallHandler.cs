using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Server;

/// <summary>Runs one method's handler for each HTTP/2 request routed to it.</summary>
internal sealed class ServerCallHandler<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly Func<HttpContextServerCallContext, Task> _invoke;
    private readonly GrpcServiceOptions _options;
    private readonly TimeProvider _clock;

    private ServerCallHandler(Method<TRequest, TResponse> method, GrpcServiceOptions options, TimeProvider clock, Func<HttpContextServerCallContext, Task> invoke)
    {
        _method = method;
        _options = options;
        _clock = clock;
        _invoke = invoke;
    }

    public static ServerCallHandler<TRequest, TResponse> Unary(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler, GrpcServiceOptions options, TimeProvider clock) =>
        new(method, options, clock, async context =>
        {
            var request = await new HttpContextStreamReader<TRequest>(context, method.RequestMarshaller).ReadSingleAsync();
            var response = await handler(request, context);
            await context.WriteMessageAsync(response, method.ResponseMarshaller, CancellationToken.None);
        });

    public static ServerCallHandler<TRequest, TResponse> ServerStreaming(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler, GrpcServiceOptions options, TimeProvider clock) =>
        new(method, options, clock, async context =>
        {
            var request = await new HttpContextStreamReader<TRequest>(context, method.RequestMarshaller).ReadSingleAsync();
            await handler(request, new HttpContextStreamWriter<TResponse>(context, method.ResponseMarshaller), context);
        });

    public static ServerCallHandler<TRequest, TResponse> ClientStreaming(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler, GrpcServiceOptions options, TimeProvider clock) =>
        new(method, options, clock, async context =>
        {
            var response = await handler(new HttpContextStreamReader<TRequest>(context, method.RequestMarshaller), context);
            await context.WriteMessageAsync(response, method.ResponseMarshaller, CancellationToken.None);
        });

    public static ServerCallHandler<TRequest, TResponse> DuplexStreaming(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler, GrpcServiceOptions options, TimeProvider clock) =>
        new(method, options, clock, context => handler(
            new HttpContextStreamReader<TRequest>(context, method.RequestMarshaller),
            new HttpContextStreamWriter<TResponse>(context, method.ResponseMarshaller),
            context));

    public async Task HandleAsync(HttpContext httpContext)
    {
        if (!GrpcEndpoints.CheckRequest(httpContext))
        {
            return;
        }

        // Kestrel's body size and data-rate limits would cut long-lived or idle streams; message
        // size is limited per message instead.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (_method.Type != MethodType.Unary)
        {
            if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRequestRate)
            {
                minRequestRate.MinDataRate = null;
            }

            if (httpContext.Features.Get<IHttpMinResponseDataRateFeature>() is { } minResponseRate)
            {
                minResponseRate.MinDataRate = null;
            }
        }

        using var context = new HttpContextServerCallContext(httpContext, _method, _options, _clock);
        context.Initialize();
        Status status;
        Metadata? trailers = null;
        try
        {
            await _invoke(context);
            status = context.DeadlineExceeded ? new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.") : context.Status;
        }
        catch (Exception ex)
        {
            (status, trailers) = context.StatusFromException(ex);
        }

        // When the deadline fired, its own response must be out before this request ends.
        await context.DeadlineTask;
        await context.EndCallAsync(status, trailers);
    }
}
