using Microsoft.AspNetCore.Http;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Server;

/// <summary>Checks and answers shared by every gRPC endpoint.</summary>
internal static class GrpcEndpoints
{
    /// <summary>False (with the response written) when the request is not gRPC over HTTP/2.</summary>
    public static bool CheckRequest(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            response.Headers[GrpcProtocol.StatusTrailer] = StatusMapping.FormatStatusCode(StatusCode.Internal);
            response.Headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode($"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            response.Headers[GrpcProtocol.StatusTrailer] = StatusMapping.FormatStatusCode(StatusCode.Internal);
            response.Headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode($"Request protocol '{request.Protocol}' is not supported.");
            return false;
        }

        return true;
    }

    /// <summary>Answers a call to a method nobody mapped: UNIMPLEMENTED, trailers-only.</summary>
    public static Task UnimplementedAsync(HttpContext httpContext)
    {
        if (!CheckRequest(httpContext))
        {
            return Task.CompletedTask;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusTrailer] = StatusMapping.FormatStatusCode(StatusCode.Unimplemented);
        response.Headers[GrpcProtocol.MessageTrailer] = PercentEncoding.Encode($"Method {httpContext.Request.Path} is unimplemented.");
        return Task.CompletedTask;
    }
}
