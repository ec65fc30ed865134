namespace QbConnector.QbGateway.Tests;

/// <summary>Finds the repository root (the folder with Engine.sln) and the read-only ../shared folder beside it.</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root: the nearest folder above the test binaries holding Engine.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared folder beside the repository (read-only data for tests).</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The qbXML 13.0 schema folder.</summary>
    public static string QbXmlSchemaDirectory => Path.Combine(SharedDirectory, "qbxml", "xsd-13.0");

    /// <summary>The root schema qbxmlops130.xsd.</summary>
    public static string QbXmlRootSchema => Path.Combine(QbXmlSchemaDirectory, "qbxmlops130.xsd");

    /// <summary>The SDK's HRESULT table (hresult, message).</summary>
    public static string SdkHResultsTsv => Path.Combine(SharedDirectory, "qbxml", "sdk-hresults.tsv");

    /// <summary>A path under ../shared, e.g. Shared("qbxml", "README.md").</summary>
    public static string Shared(params string[] parts) => Path.Combine([SharedDirectory, .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder holding Engine.sln above {AppContext.BaseDirectory}.");
    }
}
