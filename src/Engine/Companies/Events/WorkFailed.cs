using QbConnector.Engine.Persistence.Serialization;
using QbConnector.QbGateway.Errors;

namespace QbConnector.Engine.Companies.Events;

/// <summary>The work cannot be done: the request was wrong for QuickBooks. Transient failures are never recorded as this.</summary>
[EventManifest("company.work-failed.v1")]
public sealed record WorkFailed(string WorkId, QbErrorClass ErrorClass, string Code, string Message, DateTimeOffset FailedAt);
