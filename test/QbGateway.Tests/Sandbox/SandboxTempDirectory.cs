namespace QbConnector.QbGateway.Tests.Sandbox;

/// <summary>A temporary folder for company files, deleted with the test.</summary>
public sealed class SandboxTempDirectory : IDisposable
{
    public SandboxTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qb-sandbox-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of a company file (a template shared by a test class) that a test may change.</summary>
    public string CopyOf(string companyFile)
    {
        var copy = File(System.IO.Path.GetFileName(companyFile));
        System.IO.File.Copy(companyFile, copy);
        return copy;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test must not hide its real failure.
        }
    }
}
