using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Autostart;

/// <summary>
/// Linux and other XDG desktops: a systemd user unit with Restart=on-failure when the user has a
/// systemd manager, else an XDG autostart entry. Files go under $XDG_CONFIG_HOME (or ~/.config).
/// </summary>
/// <param name="configHome">Where user configuration lives; <see cref="DefaultConfigHome"/> when null.</param>
public sealed class LinuxAutostart(AutostartOptions options, string? configHome = null) : IAutostart
{
    /// <summary>$XDG_CONFIG_HOME when set (and absolute), else ~/.config.</summary>
    public static string DefaultConfigHome
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            {
                return xdg;
            }

            var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".config");
        }
    }

    public string ConfigHome { get; } = configHome ?? DefaultConfigHome;

    public string UnitFile => Path.Combine(ConfigHome, "systemd", "user", SystemdUserUnit.FileName);

    public string DesktopFile => Path.Combine(ConfigHome, "autostart", XdgAutostartEntry.FileName);

    public AutostartResult Install(LaunchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var systemctl = Systemctl();
        if (systemctl is not null)
        {
            Write(UnitFile, SystemdUserUnit.Render(command));
            var reload = CommandRunner.Run(systemctl, "--user", "daemon-reload");
            var enable = reload.ExitCode == 0 ? CommandRunner.Run(systemctl, "--user", "enable", SystemdUserUnit.FileName) : reload;
            if (enable.ExitCode == 0)
            {
                Delete(DesktopFile);
                return new AutostartResult($"Registered the systemd user service {SystemdUserUnit.FileName}: the connector starts at log-on and is restarted if it stops.", [UnitFile]);
            }

            // No user manager to talk to (a session without systemd): the desktop's autostart instead.
            Delete(UnitFile);
            var fallback = InstallDesktopEntry(command);
            return fallback with { Message = $"{fallback.Message} (systemd user services are not available here: {enable.Output})" };
        }

        return InstallDesktopEntry(command);
    }

    public AutostartResult Uninstall()
    {
        var touched = new List<string>();
        if (File.Exists(UnitFile))
        {
            if (Systemctl() is { } systemctl)
            {
                CommandRunner.Run(systemctl, "--user", "disable", SystemdUserUnit.FileName);
            }

            Delete(UnitFile);
            if (Systemctl() is { } reload)
            {
                CommandRunner.Run(reload, "--user", "daemon-reload");
            }

            touched.Add(UnitFile);
        }

        if (File.Exists(DesktopFile))
        {
            Delete(DesktopFile);
            touched.Add(DesktopFile);
        }

        return new AutostartResult(touched.Count == 0 ? "The connector was not registered to start at log-on." : "The connector no longer starts at log-on.", touched);
    }

    private AutostartResult InstallDesktopEntry(LaunchCommand command)
    {
        Write(DesktopFile, XdgAutostartEntry.Render(command));
        return new AutostartResult($"Added the autostart entry {DesktopFile}: the connector starts at log-on.", [DesktopFile]);
    }

    private string? Systemctl() =>
        string.Equals(options.Systemctl, "none", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(options.Systemctl)
            ? null
            : CommandRunner.Find(options.Systemctl);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
