using System.Security.Cryptography;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates.Install;
using QbConnector.Engine.Updates.Layout;
using QbConnector.TestSupport.Processes;

namespace QbConnector.Launcher.Tests.Support;

/// <summary>
/// An install root whose versions are shell scripts standing in for the engine, and the real
/// launcher (and the worker) started on it as child processes.
/// </summary>
internal sealed class LauncherInstall : IDisposable
{
    public LauncherInstall()
    {
        Root = Directory.CreateTempSubdirectory("qbconnector-launcher-").FullName;
        Layout = new InstallLayout(Root);
        Layout.EnsureExists();
    }

    public string Root { get; }

    public InstallLayout Layout { get; }

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>Installs a version whose engine is the given shell script body.</summary>
    public void Install(string version, string script)
    {
        var package = Path.Combine(Root, $"{version}.tar.gz");
        File.WriteAllBytes(package, TestPackage.Build(version, "#!/bin/sh\n" + script));
        new PackageInstaller(Layout, (path, mode) => new FileStream(path, mode, FileAccess.Write)).Install(package, version, CancellationToken.None);
        File.Delete(package);
    }

    public ChildProcess StartLauncher(double healthTimeoutSeconds) =>
        ChildProcess.Start("dotnet", [LauncherDll(), "--root", Root, "--health-timeout", healthTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], Root);

    public static ChildProcess StartWorker(params string[] args) =>
        ChildProcess.Start("dotnet", [typeof(LauncherInstall).Assembly.Location, .. args]);

    public static string LauncherDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(RepoRoot(), "src", "Launcher", "bin", configuration, "net10.0", "QbConnector.Launcher.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the launcher first.", dll);
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("No Engine.sln above the test assembly.");
    }

    public void Dispose()
    {
        Key.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
