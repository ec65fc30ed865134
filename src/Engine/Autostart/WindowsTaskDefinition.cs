using System.Text;
using System.Xml;

namespace QbConnector.Engine.Autostart;

/// <summary>
/// A Task Scheduler task (schema 1.2) that starts the engine at the user's log-on, without
/// elevation, with no time limit, never twice at once, and restarts it every minute if it fails.
/// Registered with <c>schtasks /Create /TN QbConnector /XML file</c>.
/// </summary>
public static class WindowsTaskDefinition
{
    public const string TaskNamespace = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    /// <summary>How often Task Scheduler restarts a failed engine, and how many times at most (its limit is 999).</summary>
    public static readonly TimeSpan RestartInterval = TimeSpan.FromMinutes(1);

    public const int RestartCount = 999;

    /// <param name="userId">The user the task runs as and whose log-on starts it (DOMAIN\user or a SID).</param>
    public static string Render(LaunchCommand command, string userId)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = Encoding.Unicode, OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new Utf16Writer(text), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("Task", TaskNamespace);
            xml.WriteAttributeString("version", "1.2");

            xml.WriteStartElement("RegistrationInfo", TaskNamespace);
            xml.WriteElementString("Description", TaskNamespace, $"Starts the {LaunchCommand.DisplayName} at log-on and restarts it if it stops unexpectedly.");
            xml.WriteElementString("URI", TaskNamespace, "\\" + LaunchCommand.Name);
            xml.WriteEndElement();

            xml.WriteStartElement("Triggers", TaskNamespace);
            xml.WriteStartElement("LogonTrigger", TaskNamespace);
            xml.WriteElementString("Enabled", TaskNamespace, "true");
            xml.WriteElementString("UserId", TaskNamespace, userId);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Principals", TaskNamespace);
            xml.WriteStartElement("Principal", TaskNamespace);
            xml.WriteAttributeString("id", "Author");
            xml.WriteElementString("UserId", TaskNamespace, userId);
            xml.WriteElementString("LogonType", TaskNamespace, "InteractiveToken");
            xml.WriteElementString("RunLevel", TaskNamespace, "LeastPrivilege");
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Settings", TaskNamespace);
            xml.WriteElementString("MultipleInstancesPolicy", TaskNamespace, "IgnoreNew");
            xml.WriteElementString("DisallowStartIfOnBatteries", TaskNamespace, "false");
            xml.WriteElementString("StopIfGoingOnBatteries", TaskNamespace, "false");
            xml.WriteElementString("AllowHardTerminate", TaskNamespace, "true");
            xml.WriteElementString("StartWhenAvailable", TaskNamespace, "true");
            xml.WriteElementString("RunOnlyIfNetworkAvailable", TaskNamespace, "false");
            xml.WriteStartElement("IdleSettings", TaskNamespace);
            xml.WriteElementString("StopOnIdleEnd", TaskNamespace, "false");
            xml.WriteElementString("RestartOnIdle", TaskNamespace, "false");
            xml.WriteEndElement();
            xml.WriteElementString("AllowStartOnDemand", TaskNamespace, "true");
            xml.WriteElementString("Enabled", TaskNamespace, "true");
            xml.WriteElementString("Hidden", TaskNamespace, "false");
            xml.WriteElementString("RunOnlyIfIdle", TaskNamespace, "false");
            xml.WriteElementString("WakeToRun", TaskNamespace, "false");
            xml.WriteElementString("ExecutionTimeLimit", TaskNamespace, "PT0S");
            xml.WriteElementString("Priority", TaskNamespace, "7");
            xml.WriteStartElement("RestartOnFailure", TaskNamespace);
            xml.WriteElementString("Interval", TaskNamespace, XmlConvert.ToString(RestartInterval));
            xml.WriteElementString("Count", TaskNamespace, RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("Actions", TaskNamespace);
            xml.WriteAttributeString("Context", "Author");
            xml.WriteStartElement("Exec", TaskNamespace);
            xml.WriteElementString("Command", TaskNamespace, command.Executable);
            xml.WriteElementString("Arguments", TaskNamespace, CommandLines.Windows(command.Arguments));
            xml.WriteElementString("WorkingDirectory", TaskNamespace, command.WorkingDirectory);
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.ToString();
    }

    /// <summary>A StringWriter that declares UTF-16, the encoding schtasks expects of a task file.</summary>
    private sealed class Utf16Writer(StringBuilder builder) : StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.Unicode;
    }
}
