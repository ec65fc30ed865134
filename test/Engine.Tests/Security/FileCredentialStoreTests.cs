using QbConnector.Engine.Security;

namespace QbConnector.Engine.Tests.Security;

public sealed class FileCredentialStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("credentials-").FullName, "credentials");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);

    [Fact]
    public void A_saved_credential_loads_back_and_a_missing_one_is_null()
    {
        var store = new FileCredentialStore(_dir);

        store.Save("company-1", new InstallCredential("s3cret-value"));

        store.TryLoad("company-1")!.Reveal().Should().Be("s3cret-value");
        store.TryLoad("company-2").Should().BeNull();
    }

    [Fact]
    public void Saving_again_replaces_the_credential()
    {
        var store = new FileCredentialStore(_dir);
        store.Save("c", new InstallCredential("old"));

        store.Save("c", new InstallCredential("new"));

        store.TryLoad("c")!.Reveal().Should().Be("new");
        Directory.GetFiles(_dir).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Deleting_destroys_the_credential_and_is_harmless_when_repeated()
    {
        var store = new FileCredentialStore(_dir);
        store.Save("c", new InstallCredential("value"));

        store.Delete("c");
        store.Delete("c");

        store.TryLoad("c").Should().BeNull();
        Directory.GetFiles(_dir).Should().BeEmpty();
    }

    [Fact]
    public void Files_and_their_folder_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // DPAPI protects the bytes there; the mode bits below are Unix-only.
        }

        var store = new FileCredentialStore(_dir);
        store.Save("c", new InstallCredential("value"));

        File.GetUnixFileMode(_dir).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(Directory.GetFiles(_dir).Single()).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_company_id_cannot_choose_where_the_file_goes()
    {
        var store = new FileCredentialStore(_dir);

        store.Save("../../escape", new InstallCredential("value"));

        Directory.GetFiles(_dir).Should().ContainSingle().Which.Should().NotContain("escape");
        store.TryLoad("../../escape")!.Reveal().Should().Be("value");
    }

    [Fact]
    public void The_credential_never_shows_its_value_when_formatted()
    {
        var credential = new InstallCredential("s3cret-value");

        credential.ToString().Should().NotContain("s3cret");
        $"{credential}".Should().Be("***");
    }
}
