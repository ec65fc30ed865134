using System.Formats.Tar;
using QbConnector.Engine.Tests.Updates.Support;
using QbConnector.Engine.Updates.Install;
using QbConnector.Engine.Updates.Layout;

namespace QbConnector.Engine.Tests.Updates;

/// <summary>Hostile or broken archives never produce a version folder, and never write outside their own.</summary>
public sealed class PackageInstallerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qbconnector-installer-").FullName;
    private readonly InstallLayout _layout;
    private readonly PackageInstaller _installer;

    public PackageInstallerTests()
    {
        _layout = new InstallLayout(Path.Combine(_root, "install"));
        _layout.EnsureExists();
        _installer = new PackageInstaller(_layout, (path, mode) => new FileStream(path, mode, FileAccess.Write));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_package_installs_as_a_whole_version_folder_with_its_entry_point_executable(bool zip)
    {
        var folder = Install(TestPackage.Build("1.1.0", zip: zip));

        folder.Should().Be(_layout.VersionFolder("1.1.0"));
        PackageManifest.Read(Path.Combine(folder, "manifest.json")).Mismatch(folder).Should().BeNull();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(folder, "engine", "engine.sh")).Should().HaveFlag(UnixFileMode.UserExecute);
        }

        _layout.EntryPoint("1.1.0").Should().Be(Path.Combine(folder, "engine", "engine.sh"));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("engine/../../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    public void Entries_pointing_outside_the_folder_are_refused(string name)
    {
        var package = TestPackage.RawTarGz(TestPackage.Entry(name, "x"));

        FluentActions.Invoking(() => Install(package)).Should().Throw<InvalidDataException>();
        AssertNothingInstalled();
        File.Exists(Path.Combine(_layout.VersionsFolder, "escaped.txt")).Should().BeFalse();
    }

    [Fact]
    public void Links_are_refused()
    {
        var package = TestPackage.RawTarGz(new PaxTarEntry(TarEntryType.SymbolicLink, "engine/evil") { LinkName = "/etc/passwd" });

        FluentActions.Invoking(() => Install(package)).Should().Throw<InvalidDataException>().WithMessage("*not a plain file*");
        AssertNothingInstalled();
    }

    [Fact]
    public void A_package_with_a_file_not_in_its_manifest_is_refused()
    {
        var package = TestPackage.Build("1.1.0", tamperFolder: folder => File.WriteAllText(Path.Combine(folder, "engine", "extra.dll"), "x"));

        FluentActions.Invoking(() => Install(package)).Should().Throw<InvalidDataException>().WithMessage("*extra.dll*");
        AssertNothingInstalled();
    }

    [Fact]
    public void Something_that_is_not_an_archive_is_refused()
    {
        FluentActions.Invoking(() => Install("not an archive"u8.ToArray())).Should().Throw<InvalidDataException>();
        AssertNothingInstalled();
    }

    private string Install(byte[] package)
    {
        var file = Path.Combine(_root, "package");
        File.WriteAllBytes(file, package);
        _installer.Install(file, "1.1.0", CancellationToken.None);
        return _layout.VersionFolder("1.1.0");
    }

    private void AssertNothingInstalled() =>
        Directory.EnumerateFileSystemEntries(_layout.VersionsFolder).Should().BeEmpty();
}
