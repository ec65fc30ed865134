using System.Globalization;
using System.Text;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// Holds an exclusive lock on the data folder's lock file for the life of the engine, so that
/// two engines never share one journal, outbox and QuickBooks session. The lock is released by
/// the operating system when the process dies, even by SIGKILL, so a crash never blocks a restart.
/// </summary>
public sealed class SingleInstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private SingleInstanceLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or throws <see cref="EngineAlreadyRunningException"/> naming the holder.</summary>
    public static SingleInstanceLock Acquire(string lockFile)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new EngineAlreadyRunningException(
                $"Another connector engine is already running for the data folder '{Path.GetDirectoryName(lockFile)}'{HolderOf(lockFile)}. Stop it first, or use another --data-dir.",
                ex);
        }

        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        stream.Flush(flushToDisk: true);
        return new SingleInstanceLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    private static string HolderOf(string lockFile)
    {
        try
        {
            using var reader = new FileStream(lockFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(reader);
            var pid = text.ReadToEnd().Trim();
            return pid.Length is > 0 and < 12 ? $" (process {pid})" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
