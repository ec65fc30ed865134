using System.Text;

namespace QbConnector.Engine.Autostart;

/// <summary>An XDG autostart desktop entry, for sessions without a systemd user manager (no restart on failure there).</summary>
public static class XdgAutostartEntry
{
    public const string FileName = "qbconnector.desktop";

    public static string Render(LaunchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        text.Append("[Desktop Entry]\n");
        text.Append("Type=Application\n");
        text.Append("Name=").Append(LaunchCommand.DisplayName).Append('\n');
        text.Append("Comment=Keeps QuickBooks company files in sync with the cloud\n");
        text.Append("Exec=").Append(CommandLines.DesktopExec([command.Executable, .. command.Arguments])).Append('\n');
        text.Append("Terminal=false\n");
        text.Append("NoDisplay=true\n");
        text.Append("X-GNOME-Autostart-enabled=true\n");
        return text.ToString();
    }
}
