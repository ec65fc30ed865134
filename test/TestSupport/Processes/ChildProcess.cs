using System.Collections.Concurrent;
using System.Diagnostics;

namespace QbConnector.TestSupport.Processes;

/// <summary>
/// A real process started by a test (engine, cloud emulator, node peer): its output lines are
/// collected so a test can await one with a deadline; it can be killed with SIGKILL, and is
/// always killed when disposed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyCollection<string> Output => _lines;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for an output line matching the predicate (also one already printed) and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _lines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (_process.HasExited && _lineArrived.CurrentCount == 0)
            {
                throw new InvalidOperationException($"Process exited with {_process.ExitCode} before printing the awaited line. Output:\n{string.Join('\n', _lines)}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching line within {timeout.TotalSeconds:0} s. Output:\n{string.Join('\n', _lines.TakeLast(50))}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM (as at log-off or a service stop) and waits for the process to end by itself;
    /// returns its exit code. Where there are no POSIX signals, kills it instead.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else if (NativeMethods.kill(_process.Id, NativeMethods.SIGTERM) != 0 && !_process.HasExited)
            {
                throw new InvalidOperationException($"SIGTERM to process {_process.Id} failed.");
            }
        }

        return await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _lineArrived.Release();
    }

    private static class NativeMethods
    {
        public const int SIGTERM = 15;

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, CA1707 // The C library's own name.
        public static extern int kill(int pid, int sig);
#pragma warning restore SA1300, CA1707
    }
}
