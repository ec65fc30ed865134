using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Tests.Hosting;

public sealed class SingleInstanceLockTests : IDisposable
{
    private readonly DataDirectory _data = new(Directory.CreateTempSubdirectory("engine-data-").FullName);

    public void Dispose() => Directory.Delete(_data.Root, recursive: true);

    [Fact]
    public void A_second_engine_for_the_same_data_folder_is_refused_with_the_holder_named()
    {
        using var first = SingleInstanceLock.Acquire(_data.LockFile);

        var second = () => SingleInstanceLock.Acquire(_data.LockFile);

        second.Should().Throw<EngineAlreadyRunningException>()
            .WithMessage($"*already running*{_data.Root}*--data-dir*");
    }

    [Fact]
    public void The_lock_is_free_again_once_released_and_names_its_last_holder()
    {
        SingleInstanceLock.Acquire(_data.LockFile).Dispose();

        SingleInstanceLock.Acquire(_data.LockFile).Dispose();

        File.ReadAllText(_data.LockFile).Should().Be(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_data_folder_is_created_owner_only()
    {
        var nested = new DataDirectory(Path.Combine(_data.Root, "nested"));

        nested.EnsureExists();

        Directory.Exists(nested.Root).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(nested.Root).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
