using QbConnector.Engine.Autostart;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Tests.Autostart;

/// <summary>The registration that runs here: files under a temporary config home, systemctl replaced by a script that records its calls.</summary>
public sealed class LinuxAutostartTests : IDisposable
{
    private static readonly LaunchCommand Command = new("/opt/qb/engine", ["run", "--data-dir", "/tmp/data"], "/opt/qb");
    private readonly string _dir = Directory.CreateTempSubdirectory("autostart-").FullName;

    private string ConfigHome => Path.Combine(_dir, "config");

    private string Calls => Path.Combine(_dir, "calls.txt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void With_a_systemd_user_manager_the_unit_is_written_and_enabled_and_uninstall_takes_it_away()
    {
        var autostart = new LinuxAutostart(new AutostartOptions { Systemctl = FakeSystemctl(exitCode: 0) }, ConfigHome);

        var installed = autostart.Install(Command);

        var unit = Path.Combine(ConfigHome, "systemd", "user", "qbconnector.service");
        installed.Touched.Should().Equal(unit);
        File.ReadAllText(unit).Should().Be(SystemdUserUnit.Render(Command));
        File.ReadAllLines(Calls).Should().Equal("--user daemon-reload", "--user enable qbconnector.service");

        var removed = autostart.Uninstall();

        removed.Touched.Should().Equal(unit);
        File.Exists(unit).Should().BeFalse();
        File.ReadAllLines(Calls).Should().Contain("--user disable qbconnector.service");
    }

    [Fact]
    public void Without_a_user_manager_the_desktop_autostart_entry_is_used_instead()
    {
        var autostart = new LinuxAutostart(new AutostartOptions { Systemctl = FakeSystemctl(exitCode: 1) }, ConfigHome);

        var installed = autostart.Install(Command);

        var entry = Path.Combine(ConfigHome, "autostart", "qbconnector.desktop");
        installed.Touched.Should().Equal(entry);
        File.ReadAllText(entry).Should().Be(XdgAutostartEntry.Render(Command));
        File.Exists(Path.Combine(ConfigHome, "systemd", "user", "qbconnector.service")).Should().BeFalse();
        installed.Message.Should().Contain("not available");
    }

    [Fact]
    public void Without_systemctl_the_desktop_entry_is_written_and_uninstalling_twice_is_harmless()
    {
        var autostart = new LinuxAutostart(new AutostartOptions { Systemctl = "none" }, ConfigHome);

        autostart.Install(Command);
        autostart.Uninstall().Touched.Should().ContainSingle();

        autostart.Uninstall().Touched.Should().BeEmpty();
        Directory.EnumerateFiles(ConfigHome, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    private string FakeSystemctl(int exitCode)
    {
        var script = Path.Combine(_dir, "systemctl");
        File.WriteAllText(script, $"#!/bin/sh\necho \"$*\" >> '{Calls}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
