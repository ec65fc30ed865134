using System.Text;

namespace QbConnector.Engine.Autostart;

/// <summary>A systemd user service: started with the user's session, restarted if it dies.</summary>
public static class SystemdUserUnit
{
    public const string FileName = "qbconnector.service";

    public static string Render(LaunchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        text.Append("[Unit]\n");
        text.Append("Description=").Append(LaunchCommand.DisplayName).Append('\n');
        text.Append("After=network-online.target\n\n");
        text.Append("[Service]\n");
        text.Append("Type=simple\n");
        text.Append("ExecStart=").Append(CommandLines.Systemd([command.Executable, .. command.Arguments])).Append('\n');
        text.Append("WorkingDirectory=").Append(CommandLines.Systemd([command.WorkingDirectory])).Append('\n');
        text.Append("Restart=on-failure\n");
        text.Append("RestartSec=10\n\n");
        text.Append("[Install]\n");
        text.Append("WantedBy=default.target\n");
        return text.ToString();
    }
}
