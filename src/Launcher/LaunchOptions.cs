namespace QbConnector.Launcher;

/// <summary>The launcher's command line: <c>[--root DIR] [--health-timeout SECONDS] [-- engine arguments]</c>.</summary>
internal sealed record LaunchOptions(string Root, TimeSpan HealthTimeout, IReadOnlyList<string> EngineArguments)
{
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromMinutes(3);

    public static (LaunchOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string defaultRoot)
    {
        var root = defaultRoot;
        var timeout = DefaultHealthTimeout;
        var engine = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Count:
                    root = args[++i];
                    break;
                case "--health-timeout" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        return (null, "--health-timeout takes a positive number of seconds.");
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--":
                    engine.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    return (null, $"Unknown argument '{args[i]}'. Usage: launcher [--root DIR] [--health-timeout SECONDS] [-- engine arguments]");
            }
        }

        return (new LaunchOptions(root, timeout, engine), null);
    }
}
