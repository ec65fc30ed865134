using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Autostart;

/// <summary>The start-at-log-on registration of this platform.</summary>
public static class Autostarts
{
    public static IAutostart ForThisPlatform(AutostartOptions options) =>
        OperatingSystem.IsWindows() ? new WindowsAutostart() : new LinuxAutostart(options ?? new AutostartOptions());
}
