namespace QbConnector.QbGateway.Errors;

/// <summary>
/// A failure raised by the SDK's request processor (an HRESULT from 0x80040400 to 0x80040439),
/// classified, with what it means and what to do in plain words.
/// </summary>
public sealed class QbSdkException : Exception
{
    public QbSdkException(int hresult, QbErrorClass errorClass, string sdkMessage, string plainMessage, string fix, Exception? innerException = null)
        : base(sdkMessage, innerException)
    {
        HResult = hresult;
        ErrorClass = errorClass;
        PlainMessage = plainMessage;
        Fix = fix;
    }

    public QbSdkException()
        : this(unchecked((int)0x80040402), QbErrorClass.RetryLater, "Unexpected error.", "QuickBooks reported an unexpected error.", "The connector will try again.")
    {
    }

    public QbSdkException(string message)
        : this(unchecked((int)0x80040402), QbErrorClass.RetryLater, message, message, "The connector will try again.")
    {
    }

    public QbSdkException(string message, Exception innerException)
        : this(unchecked((int)0x80040402), QbErrorClass.RetryLater, message, message, "The connector will try again.", innerException)
    {
    }

    public QbErrorClass ErrorClass { get; }

    /// <summary>What happened, for the person at the PC.</summary>
    public string PlainMessage { get; }

    /// <summary>What the person should do, or what the connector does by itself.</summary>
    public string Fix { get; }

    /// <summary>The HRESULT as the SDK documents it, e.g. "0x8004040A".</summary>
    public string HResultHex => $"0x{HResult:X8}";
}
