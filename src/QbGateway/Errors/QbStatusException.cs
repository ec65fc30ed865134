namespace QbConnector.QbGateway.Errors;

/// <summary>A qbXML response whose statusCode is a failure, with its classification.</summary>
public sealed class QbStatusException : Exception
{
    public QbStatusException(int statusCode, string statusSeverity, string? statusMessage, string? requestId, string requestName)
        : base($"{requestName} failed with status {statusCode} ({statusSeverity}): {statusMessage}")
    {
        StatusCode = statusCode;
        StatusSeverity = statusSeverity;
        StatusMessage = statusMessage;
        RequestId = requestId;
        RequestName = requestName;
        Status = QbStatusCodes.Get(statusCode, statusSeverity);
    }

    public QbStatusException()
        : this(QbStatusCodes.InternalError, "Error", null, null, "request")
    {
    }

    public QbStatusException(string message)
        : this(QbStatusCodes.InternalError, "Error", message, null, "request")
    {
    }

    public QbStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = QbStatusCodes.InternalError;
        StatusSeverity = "Error";
        StatusMessage = message;
        RequestName = "request";
        Status = QbStatusCodes.Get(StatusCode, StatusSeverity);
    }

    public int StatusCode { get; }

    public string StatusSeverity { get; }

    /// <summary>QuickBooks' own message, as it sent it.</summary>
    public string? StatusMessage { get; }

    public string? RequestId { get; }

    /// <summary>The response element, e.g. "CustomerAddRs".</summary>
    public string RequestName { get; }

    public QbStatus Status { get; }

    public QbErrorClass ErrorClass => Status.ErrorClass ?? QbErrorClass.RequestInvalid;
}
