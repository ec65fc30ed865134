using System.Xml;
using System.Xml.Linq;
using QbConnector.Engine.Autostart;

namespace QbConnector.Engine.Tests.Autostart;

/// <summary>The start-at-log-on definitions as data: what systemd, the desktop and Task Scheduler will read.</summary>
public sealed class RenderedDefinitionsTests
{
    private static readonly LaunchCommand Command = new(
        @"C:\Program Files\QbConnector\QbConnector.Engine.exe",
        ["run", "--data-dir", @"C:\Users\Ann Lee\AppData\Local\QbConnector"],
        @"C:\Program Files\QbConnector");

    private static readonly XNamespace Task = WindowsTaskDefinition.TaskNamespace;

    [Fact]
    public void The_task_starts_at_the_users_log_on_without_elevation_and_restarts_on_failure()
    {
        var task = ParseTask(WindowsTaskDefinition.Render(Command, @"OFFICE\ann"));

        var trigger = task.Root!.Element(Task + "Triggers")!.Elements().Should().ContainSingle().Subject;
        trigger.Name.Should().Be(Task + "LogonTrigger");
        trigger.Element(Task + "UserId")!.Value.Should().Be(@"OFFICE\ann");
        var principal = task.Root.Element(Task + "Principals")!.Element(Task + "Principal")!;
        principal.Element(Task + "LogonType")!.Value.Should().Be("InteractiveToken");
        principal.Element(Task + "RunLevel")!.Value.Should().Be("LeastPrivilege");
        var settings = task.Root.Element(Task + "Settings")!;
        settings.Element(Task + "ExecutionTimeLimit")!.Value.Should().Be("PT0S", "the engine runs for as long as the session");
        settings.Element(Task + "MultipleInstancesPolicy")!.Value.Should().Be("IgnoreNew");
        settings.Element(Task + "DisallowStartIfOnBatteries")!.Value.Should().Be("false");
        var restart = settings.Element(Task + "RestartOnFailure")!;
        XmlConvert.ToTimeSpan(restart.Element(Task + "Interval")!.Value).Should().Be(TimeSpan.FromMinutes(1));
        int.Parse(restart.Element(Task + "Count")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 999);
        var exec = task.Root.Element(Task + "Actions")!.Element(Task + "Exec")!;
        exec.Element(Task + "Command")!.Value.Should().Be(Command.Executable);
        exec.Element(Task + "Arguments")!.Value.Should().Be(@"run --data-dir ""C:\Users\Ann Lee\AppData\Local\QbConnector""");
        exec.Element(Task + "WorkingDirectory")!.Value.Should().Be(Command.WorkingDirectory);
    }

    [Fact]
    public void The_task_file_declares_utf16_as_schtasks_expects_and_keeps_markup_out_of_values()
    {
        var hostile = Command with { Arguments = ["run", "--data-dir", "</Arguments> <Exec>evil</Exec>&"] };
        var xml = WindowsTaskDefinition.Render(hostile, "ann");

        xml.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>");
        var exec = ParseTask(xml).Root!.Element(Task + "Actions")!.Elements(Task + "Exec").Should().ContainSingle().Subject;
        exec.Element(Task + "Arguments")!.Value.Should().Be("run --data-dir \"</Arguments> <Exec>evil</Exec>&\"");
    }

    [Fact]
    public void The_run_key_value_is_the_quoted_command_line_under_the_current_users_run_key()
    {
        var run = WindowsRunKey.For(Command);

        run.KeyPath.Should().Be(@"Software\Microsoft\Windows\CurrentVersion\Run");
        run.ValueName.Should().Be("QbConnector");
        run.Value.Should().Be(@"""C:\Program Files\QbConnector\QbConnector.Engine.exe"" run --data-dir ""C:\Users\Ann Lee\AppData\Local\QbConnector""");
    }

    [Fact]
    public void The_systemd_unit_restarts_the_engine_on_failure_and_starts_with_the_session()
    {
        var unit = SystemdUserUnit.Render(new LaunchCommand("/usr/bin/dotnet", ["/opt/qb/QbConnector.Engine.dll", "run", "--data-dir", "/home/ann/.local/share/qbconnector"], "/opt/qb"));

        var lines = unit.Split('\n');
        lines.Should().Contain("Restart=on-failure");
        lines.Should().Contain("ExecStart=\"/usr/bin/dotnet\" \"/opt/qb/QbConnector.Engine.dll\" \"run\" \"--data-dir\" \"/home/ann/.local/share/qbconnector\"");
        lines.Should().Contain("WantedBy=default.target");
        lines.Should().Contain("[Service]");
    }

    [Fact]
    public void The_desktop_entry_runs_the_engine_hidden()
    {
        var entry = XdgAutostartEntry.Render(new LaunchCommand("/opt/qb/engine", ["run"], "/opt/qb"));

        entry.Split('\n').Should().Contain(["[Desktop Entry]", "Type=Application", "Exec=\"/opt/qb/engine\" \"run\"", "NoDisplay=true", "Terminal=false"]);
    }

    private static XDocument ParseTask(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1_000_000 };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }
}
