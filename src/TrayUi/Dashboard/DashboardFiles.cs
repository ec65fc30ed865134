using QbConnector.Engine.Hosting;

namespace QbConnector.TrayUi.Dashboard;

/// <summary>Where the dashboard keeps its token and its address, inside the engine's data folder.</summary>
internal sealed class DashboardFiles
{
    public DashboardFiles(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Folder = Path.Combine(data.Root, "dashboard");
    }

    public string Folder { get; }

    public string TokenFile => Path.Combine(Folder, "token");

    public string EndpointFile => Path.Combine(Folder, "endpoint.json");

    public void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            // Under %LOCALAPPDATA%, whose ACL already admits the user only.
            Directory.CreateDirectory(Folder);
            return;
        }

        Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes a file readable by its owner only, replacing any previous one in one step.</summary>
    public void WriteOwnerOnly(string path, string content)
    {
        EnsureFolder();
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.Move(temp, path, overwrite: true);
    }
}
