namespace QbConnector.QbGateway.Records;

/// <summary>A record (its XML or its JSON) does not have the shape of a qbXML record.</summary>
public sealed class QbRecordFormatException : FormatException
{
    public QbRecordFormatException()
    {
    }

    public QbRecordFormatException(string message)
        : base(message)
    {
    }

    public QbRecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
