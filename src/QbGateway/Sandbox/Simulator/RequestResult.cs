using System.Xml;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>The answer to one request of a message set: its status and, written later, its Rets.</summary>
internal sealed class RequestResult
{
    public required string ResponseName { get; init; }

    public string? RequestId { get; init; }

    public int StatusCode { get; init; }

    public string Severity { get; init; } = "Info";

    public string Message { get; init; } = "Status OK";

    public int? RetCount { get; init; }

    public long? IteratorRemainingCount { get; init; }

    public string? IteratorId { get; init; }

    /// <summary>Records returned, for the per-record latency model.</summary>
    public int RecordsReturned { get; init; }

    public bool IsWrite { get; init; }

    public Action<XmlWriter>? Body { get; init; }

    public bool IsError => Severity == "Error";

    public static RequestResult Status(string responseName, string? requestId, int code, string severity, string message) => new()
    {
        ResponseName = responseName,
        RequestId = requestId,
        StatusCode = code,
        Severity = severity,
        Message = message,
    };
}
