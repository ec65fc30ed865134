using System.Diagnostics;
using QbConnector.Engine.Autostart;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Updates.Layout;

namespace QbConnector.Engine.Uninstall;

/// <summary>
/// Removes the connector from the PC once the engine has stopped: its start-at-log-on
/// registration, its data folder (the logs stay when the settings say so) and, on Windows, its
/// install folder, by a helper that waits for this process to exit first (a running program's
/// files cannot be deleted there).
/// </summary>
public static class SelfUninstaller
{
    public static UninstallReport Run(DataDirectory data, UninstallOptions options, IAutostart autostart)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(autostart);
        var registration = autostart.Uninstall();
        var kept = RemoveData(data, options.KeepLogs);
        string? installFolder = null;
        if (OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable(InstallLayout.InstallRootVariable) is { Length: > 0 } root && Directory.Exists(root))
        {
            installFolder = Path.GetFullPath(root);
            ScheduleFolderRemoval(installFolder, Environment.ProcessId);
        }

        return new UninstallReport(registration, kept, installFolder);
    }

    /// <summary>Deletes the data folder, or everything in it but the logs; returns what was kept.</summary>
    public static IReadOnlyList<string> RemoveData(DataDirectory data, bool keepLogs)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!Directory.Exists(data.Root))
        {
            return [];
        }

        if (!keepLogs)
        {
            Directory.Delete(data.Root, recursive: true);
            return [];
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(data.Root))
        {
            if (string.Equals(Path.GetFullPath(entry), Path.GetFullPath(data.LogsFolder), StringComparison.Ordinal))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        return Directory.Exists(data.LogsFolder) ? [data.LogsFolder] : [];
    }

    /// <summary>
    /// The PowerShell that removes the install folder once the process has exited (Wait-Process,
    /// then Remove-Item), with the folder as a single-quoted literal.
    /// </summary>
    public static string FolderRemovalScript(string folder, int processId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var literal = "'" + folder.Replace("'", "''", StringComparison.Ordinal) + "'";
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Wait-Process -Id {processId} -Timeout 120 -ErrorAction SilentlyContinue; Remove-Item -LiteralPath {literal} -Recurse -Force -ErrorAction SilentlyContinue");
    }

    private static void ScheduleFolderRemoval(string folder, int processId)
    {
        var start = new ProcessStartInfo("powershell.exe") { UseShellExecute = false, CreateNoWindow = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-Command", FolderRemovalScript(folder, processId) })
        {
            start.ArgumentList.Add(argument);
        }

        Process.Start(start)?.Dispose();
    }
}

/// <summary>What the removal did: the registration removed, what of the data was kept, and the install folder to go once the engine has exited.</summary>
public sealed record UninstallReport(AutostartResult Registration, IReadOnlyList<string> Kept, string? InstallFolder);
