namespace QbConnector.Engine.Gateway.Messages;

/// <summary>QuickBooks' answer to a <see cref="QbRequest"/>.</summary>
/// <param name="SessionGeneration">Changes every time a session begins; an iterator lives only within one.</param>
public sealed record QbResponse(string CorrelationId, string ResponseXml, long SessionGeneration, TimeSpan Elapsed);
