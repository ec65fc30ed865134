using QbConnector.Engine.Hosting;

namespace QbConnector.TrayUi.Launch;

/// <summary>The tray program's verbs: tray (Windows default), serve (the dashboard in the foreground), open.</summary>
internal sealed record CommandLine(string Verb, DataDirectory Data, bool OpenBrowser, bool Detached)
{
    public const string Usage = """
        Usage: QbConnector.TrayUi [tray|serve|open] [--data-dir DIR] [--no-browser]
          tray   the notification-area icon and the dashboard (Windows; the default there)
          serve  the dashboard in the foreground, printing its address (the default elsewhere)
          open   starts the dashboard if needed, prints its address and opens it in the browser
        """;

    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = OperatingSystem.IsWindows() ? "tray" : "serve";
        string? dataDir = null;
        var browser = true;
        var detached = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "tray" or "serve" or "open" when i == 0:
                    verb = args[i];
                    break;
                case "--data-dir" when i + 1 < args.Count:
                    dataDir = args[++i];
                    break;
                case "--no-browser":
                    browser = false;
                    break;
                case "--detached":
                    detached = true;
                    break;
                default:
                    return null;
            }
        }

        return new CommandLine(verb, dataDir is null ? DataDirectory.Default() : new DataDirectory(dataDir), browser, detached);
    }
}
