namespace QbConnector.Engine.Tests.Persistence.Sqlite;

/// <summary>A fresh folder under the system temp folder for real database files, removed afterwards.</summary>
public sealed class TempDatabaseFolder : IDisposable
{
    public TempDatabaseFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qbc-persistence-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
