namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>
/// A request waiting for the QuickBooks session.
/// </summary>
/// <param name="ContinuesIterator">It continues an iterator of the open session: switching files first would kill that iterator.</param>
public sealed record GatewayWork<T>(
    string CompanyFile,
    GatewayPriority Priority,
    bool ContinuesIterator,
    T Item,
    DateTimeOffset EnqueuedAt,
    long Order);
