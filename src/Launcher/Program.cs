using System.ComponentModel;
using QbConnector.Engine.Updates.Layout;
using QbConnector.Launcher;

// Installed as <install root>/launcher/, so the install root is its folder's parent by default.
var defaultRoot = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)) ?? AppContext.BaseDirectory;
var (options, error) = LaunchOptions.Parse(args, defaultRoot);
if (options is null)
{
    await Console.Error.WriteLineAsync(error);
    return 2;
}

var layout = new InstallLayout(options.Root);

// No version runs yet: temporary files are what a killed writer left.
AtomicFile.DeleteLeftovers(layout.Root);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await new LauncherLoop(layout, options, Console.Error).RunAsync(stop.Token);
}
catch (Exception e) when (e is IOException or Win32Exception or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"launcher: cannot run the connector: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 0;
}
