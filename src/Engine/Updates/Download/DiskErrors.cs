namespace QbConnector.Engine.Updates.Download;

/// <summary>Recognises "the disk is full" among I/O errors on Windows and Unix.</summary>
public static class DiskErrors
{
    /// <summary>ENOSPC, as .NET reports it on Linux and macOS.</summary>
    public const int Enospc = 28;

    /// <summary>ERROR_DISK_FULL as an HRESULT.</summary>
    public const int WindowsDiskFull = unchecked((int)0x80070070);

    /// <summary>ERROR_HANDLE_DISK_FULL as an HRESULT.</summary>
    public const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool IsDiskFull(Exception exception) =>
        exception is IOException { HResult: Enospc or WindowsDiskFull or WindowsHandleDiskFull };
}
