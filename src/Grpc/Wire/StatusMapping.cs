using System.Globalization;
using QbConnector.Grpc.Core;

namespace QbConnector.Grpc.Wire;

/// <summary>Statuses synthesised when a response carries none (the grpc repository's http-grpc-status-mapping).</summary>
public static class StatusMapping
{
    /// <summary>The status for a response whose HTTP status is not 200.</summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>The status for a stream reset by the peer with this HTTP/2 error code.</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable, // REFUSED_STREAM: safe to retry
        0x8 => StatusCode.Cancelled, // CANCEL
        0xB => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
        _ => StatusCode.Internal, // NO_ERROR before trailers, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, ...
    };

    /// <summary>Parses grpc-status; false unless it is a plain non-negative integer.</summary>
    public static bool TryParseStatusCode(string? text, out StatusCode code)
    {
        if (text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            // Codes outside 0..16 are kept: the spec says to treat unknown codes as such, not to drop them.
            code = (StatusCode)value;
            return true;
        }

        code = StatusCode.Unknown;
        return false;
    }

    public static string FormatStatusCode(StatusCode code) => ((int)code).ToString(CultureInfo.InvariantCulture);
}
