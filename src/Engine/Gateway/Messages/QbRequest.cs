using QbConnector.Engine.Gateway.Scheduling;

namespace QbConnector.Engine.Gateway.Messages;

/// <summary>
/// A qbXML request for the gateway to send to QuickBooks on a company file. The sender gets
/// <see cref="QbResponse"/> or <see cref="QbFailure"/> back, with the same correlation id.
/// </summary>
/// <param name="ContinuesIterator">It continues an iterator of the open session (switching files would kill it).</param>
/// <param name="FollowUpExpected">The sender will send another request for this file right after the answer (the next page).</param>
public sealed record QbRequest(
    string CompanyFile,
    GatewayPriority Priority,
    string RequestXml,
    string CorrelationId,
    bool ContinuesIterator = false,
    bool FollowUpExpected = false);
