namespace QbConnector.TestSupport.Programs;

/// <summary>Where the solution's programs were built, in the same configuration as the tests.</summary>
public static class BuiltPrograms
{
    private static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>The folder holding Engine.sln, found by walking up from the test's output folder.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The read-only shared folder that sits beside the repository.</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string CloudEmulator => Program("CloudEmulator", "QbConnector.CloudEmulator.dll");

    public static string Engine => Program("Engine", "QbConnector.Engine.dll");

    public static string TrayUi => Program("TrayUi", "QbConnector.TrayUi.dll");

    private static string Program(string project, string dll)
    {
        var path = Path.Combine(RepoRoot, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first.", path);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Engine.sln was not found above " + AppContext.BaseDirectory);
    }
}
