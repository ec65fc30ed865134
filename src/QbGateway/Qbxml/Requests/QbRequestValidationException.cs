namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>
/// A request cannot be sent as asked: a field is missing, too long, of the wrong form, unknown to
/// the schema, or holds a character XML cannot carry. Nothing was sent to QuickBooks.
/// </summary>
public sealed class QbRequestValidationException : Exception
{
    public QbRequestValidationException(string requestName, IReadOnlyList<string> errors)
        : base($"{requestName} is not valid: {string.Join("; ", errors)}")
    {
        RequestName = requestName;
        Errors = errors;
    }

    public QbRequestValidationException()
        : this("request", ["invalid"])
    {
    }

    public QbRequestValidationException(string message)
        : this("request", [message])
    {
    }

    public QbRequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestName = "request";
        Errors = [message];
    }

    public string RequestName { get; }

    /// <summary>Each problem, prefixed by the field's path (e.g. "InvoiceAdd/InvoiceLineAdd[2]/Amount").</summary>
    public IReadOnlyList<string> Errors { get; }
}
