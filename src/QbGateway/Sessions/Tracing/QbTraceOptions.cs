namespace QbConnector.QbGateway.Sessions.Tracing;

/// <summary>Tracing of qbXML exchanges (the engine's --qbxml-trace DIR); null Directory turns it off.</summary>
public sealed record QbTraceOptions
{
    /// <summary>Folder receiving one request and one response file per exchange.</summary>
    public string? Directory { get; init; }
}
