using QbConnector.Engine.Hosting;
using QbConnector.Engine.Uninstall;

namespace QbConnector.Engine.Tests.Uninstall;

public sealed class SelfUninstallerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("uninstall-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_data_folder_goes_and_only_the_logs_stay_when_kept(bool keepLogs)
    {
        var data = new DataDirectory(Path.Combine(_dir, "data"));
        data.EnsureExists();
        File.WriteAllText(data.JournalFile, "j");
        Directory.CreateDirectory(data.CredentialsFolder);
        File.WriteAllText(Path.Combine(data.CredentialsFolder, "x.credential"), "secret");
        Directory.CreateDirectory(data.LogsFolder);
        File.WriteAllText(Path.Combine(data.LogsFolder, "engine-20260302.log"), "log");

        var kept = SelfUninstaller.RemoveData(data, keepLogs);

        if (keepLogs)
        {
            kept.Should().Equal(data.LogsFolder);
            Directory.EnumerateFileSystemEntries(data.Root).Should().Equal(data.LogsFolder);
            File.Exists(Path.Combine(data.LogsFolder, "engine-20260302.log")).Should().BeTrue();
        }
        else
        {
            kept.Should().BeEmpty();
            Directory.Exists(data.Root).Should().BeFalse();
        }
    }

    [Fact]
    public void The_folder_removal_waits_for_the_engine_and_keeps_the_path_a_literal() =>
        SelfUninstaller.FolderRemovalScript(@"C:\Users\O'Brien\QbConnector", 4242).Should().Be(
            @"Wait-Process -Id 4242 -Timeout 120 -ErrorAction SilentlyContinue; Remove-Item -LiteralPath 'C:\Users\O''Brien\QbConnector' -Recurse -Force -ErrorAction SilentlyContinue");
}
