using System.Globalization;

namespace QbConnector.LoadDriver;

/// <summary>CPU time and memory of a process from /proc (Linux), as the kernel accounts them.</summary>
internal static class ProcessMeter
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>User plus system CPU time consumed so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start past the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakWorkingSet(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Current resident set size (VmRSS) in bytes.</summary>
    public static long WorkingSet(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    private static long StatusKilobytes(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
