namespace QbConnector.Engine.Hosting;

/// <summary>
/// Where the engine keeps its state: one folder per user (and per install when given
/// --data-dir), so that a second engine for the same folder is refused and tests can run many.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string JournalFile => Path.Combine(Root, "journal.db");

    public string SnapshotFile => Path.Combine(Root, "snapshots.db");

    public string OutboxFile => Path.Combine(Root, "outbox.db");

    public string CredentialsFolder => Path.Combine(Root, "credentials");

    public string LogsFolder => Path.Combine(Root, "logs");

    public string LockFile => Path.Combine(Root, "engine.lock");

    public string ConfigFile => Path.Combine(Root, "engine.json");

    /// <summary>
    /// The default folder: %LOCALAPPDATA%\QbConnector on Windows, $XDG_DATA_HOME/qbconnector
    /// (or ~/.local/share/qbconnector) elsewhere.
    /// </summary>
    public static DataDirectory Default()
    {
        if (OperatingSystem.IsWindows())
        {
            return new DataDirectory(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "QbConnector"));
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return new DataDirectory(Path.Combine(baseDir, "qbconnector"));
    }

    /// <summary>Creates the folder, readable by its owner only where the platform has mode bits.</summary>
    public void EnsureExists()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Root);
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(Root, ownerOnly);
    }
}
