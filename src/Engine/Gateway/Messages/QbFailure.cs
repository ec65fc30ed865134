using QbConnector.QbGateway.Errors;

namespace QbConnector.Engine.Gateway.Messages;

/// <summary>
/// A request that QuickBooks could not serve: either the person must act (the error says what
/// to do) or the request itself is wrong. Transient failures never come back as this: the
/// gateway retries them by itself.
/// </summary>
public sealed record QbFailure(string CorrelationId, string CompanyFile, QbSdkException Error);
