namespace QbConnector.Engine.Autostart;

/// <summary>
/// The fallback where Task Scheduler is not allowed: a value under the current user's Run key,
/// which starts the engine at log-on (without restarts; the tray starts it again if it is gone).
/// </summary>
public sealed record WindowsRunKey(string KeyPath, string ValueName, string Value)
{
    public const string RunKeyPath = @"Software\Microsoft\Windows\CurrentVersion\Run";

    public static WindowsRunKey For(LaunchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new WindowsRunKey(RunKeyPath, LaunchCommand.Name, CommandLines.Windows([command.Executable, .. command.Arguments]));
    }
}
