namespace QbConnector.QbGateway.Errors;

/// <summary>What one SDK HRESULT means, in plain words, and what to do about it.</summary>
/// <param name="HResult">The HRESULT, e.g. 0x8004040A.</param>
/// <param name="Name">A short name for logs and the cloud, e.g. "OtherCompanyFileOpen".</param>
/// <param name="ErrorClass">Retry by itself, needs the person, or this request is wrong.</param>
/// <param name="PlainMessage">What happened, for the person at the PC.</param>
/// <param name="Fix">What to do; "{file}" stands for the company file's path.</param>
public sealed record QbSdkError(int HResult, string Name, QbErrorClass ErrorClass, string PlainMessage, string Fix)
{
    public string HResultHex => $"0x{HResult:X8}";

    /// <summary>The fix with the company file's path filled in (or "the company file").</summary>
    public string FixFor(string? companyFile) =>
        Fix.Replace("{file}", string.IsNullOrEmpty(companyFile) ? "the company file" : companyFile, StringComparison.Ordinal);

    /// <summary>A typed exception for this failure.</summary>
    public QbSdkException ToException(string? sdkMessage = null, string? companyFile = null, Exception? innerException = null) =>
        new(HResult, ErrorClass, string.IsNullOrWhiteSpace(sdkMessage) ? $"{HResultHex} {Name}: {PlainMessage}" : sdkMessage, PlainMessage, FixFor(companyFile), innerException);
}
