namespace QbConnector.Engine.Tests.Support;

/// <summary>Where the solution's programs were built, in the same configuration as the tests.</summary>
internal static class BuiltPrograms
{
    private static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    public static string RepoRoot => QbConnector.QbGateway.Tests.SharedFiles.RepoRoot;

    public static string CloudEmulator => Program("CloudEmulator", "QbConnector.CloudEmulator.dll");

    public static string Engine => Program("Engine", "QbConnector.Engine.dll");

    private static string Program(string project, string dll)
    {
        var path = Path.Combine(RepoRoot, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; build the solution first.", path);
    }
}
