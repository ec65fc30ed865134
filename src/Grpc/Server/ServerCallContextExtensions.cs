using Microsoft.AspNetCore.Http;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Server;

/// <summary>Reaches the ASP.NET Core request behind a call.</summary>
public static class ServerCallContextExtensions
{
    public static HttpContext GetHttpContext(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is HttpContextServerCallContext http
            ? http.HttpContext
            : throw new InvalidOperationException("This call context does not come from an HTTP request.");
    }
}
