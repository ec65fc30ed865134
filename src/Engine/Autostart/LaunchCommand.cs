using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Autostart;

/// <summary>The program and arguments that start the engine in the background, as each platform's registration needs them.</summary>
public sealed record LaunchCommand(string Executable, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public const string Name = "QbConnector";

    public const string DisplayName = "QuickBooks Desktop connector";

    /// <summary>
    /// This engine's own command: the native host when it runs as one, or <c>dotnet QbConnector.Engine.dll</c>
    /// when it runs through the dotnet host (as with <c>dotnet run</c>).
    /// </summary>
    public static LaunchCommand ForThisEngine(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The engine's own path is unknown.");
        var assembly = Path.Combine(AppContext.BaseDirectory, "QbConnector.Engine.dll");
        var viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var arguments = new List<string>();
        if (viaDotnet)
        {
            arguments.Add(assembly);
        }

        arguments.AddRange(["run", "--data-dir", data.Root]);
        return new LaunchCommand(process, arguments, AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
    }
}
