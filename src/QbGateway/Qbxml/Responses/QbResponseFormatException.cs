namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>
/// A response document is not a qbXML answer the connector can read: not well-formed, truncated,
/// too large, carrying a DTD or entities, or missing its status.
/// </summary>
public sealed class QbResponseFormatException : Exception
{
    public QbResponseFormatException()
    {
    }

    public QbResponseFormatException(string message)
        : base(message)
    {
    }

    public QbResponseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
