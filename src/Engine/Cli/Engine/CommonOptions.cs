using System.CommandLine;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Cli.Engine;

/// <summary>Options every engine verb takes.</summary>
internal static class CommonOptions
{
    public static Option<string?> DataDir() => new("--data-dir") { Description = "The engine's data folder (default: the per-user folder)." };

    public static DataDirectory Resolve(string? dataDir) => dataDir is { Length: > 0 } dir ? new DataDirectory(dir) : DataDirectory.Default();
}
