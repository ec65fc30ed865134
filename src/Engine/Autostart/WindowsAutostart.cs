using System.Runtime.Versioning;
using System.Security.Principal;
using Microsoft.Win32;

namespace QbConnector.Engine.Autostart;

/// <summary>
/// Windows: a Task Scheduler task (at log-on, restarted on failure) registered with schtasks;
/// where policy forbids creating tasks, a value under the current user's Run key.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAutostart : IAutostart
{
    public AutostartResult Install(LaunchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = WindowsIdentity.GetCurrent().Name;
        var file = Path.Combine(Path.GetTempPath(), $"qbconnector-task-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllText(file, WindowsTaskDefinition.Render(command, user), System.Text.Encoding.Unicode);
            var created = CommandRunner.Run("schtasks", "/Create", "/TN", LaunchCommand.Name, "/XML", file, "/F");
            if (created.ExitCode == 0)
            {
                DeleteRunValue();
                return new AutostartResult($"Registered the scheduled task '{LaunchCommand.Name}': the connector starts at log-on and is restarted if it stops.", [@"Task Scheduler\" + LaunchCommand.Name]);
            }

            var run = WindowsRunKey.For(command);
            using var key = Registry.CurrentUser.CreateSubKey(run.KeyPath, writable: true);
            key.SetValue(run.ValueName, run.Value, RegistryValueKind.String);
            return new AutostartResult($"Added '{run.ValueName}' to the Run key: the connector starts at log-on (a scheduled task could not be created: {created.Output}).", [@"HKCU\" + run.KeyPath + @"\" + run.ValueName]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public AutostartResult Uninstall()
    {
        var touched = new List<string>();
        if (CommandRunner.Run("schtasks", "/Delete", "/TN", LaunchCommand.Name, "/F").ExitCode == 0)
        {
            touched.Add(@"Task Scheduler\" + LaunchCommand.Name);
        }

        if (DeleteRunValue())
        {
            touched.Add(@"HKCU\" + WindowsRunKey.RunKeyPath + @"\" + LaunchCommand.Name);
        }

        return new AutostartResult(touched.Count == 0 ? "The connector was not registered to start at log-on." : "The connector no longer starts at log-on.", touched);
    }

    private static bool DeleteRunValue()
    {
        using var key = Registry.CurrentUser.OpenSubKey(WindowsRunKey.RunKeyPath, writable: true);
        if (key?.GetValue(LaunchCommand.Name) is null)
        {
            return false;
        }

        key.DeleteValue(LaunchCommand.Name, throwOnMissingValue: false);
        return true;
    }
}
