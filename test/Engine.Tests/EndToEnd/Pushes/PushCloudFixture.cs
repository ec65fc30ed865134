using QbConnector.TestSupport.Processes;

namespace QbConnector.Engine.Tests.EndToEnd.Pushes;

/// <summary>One cloud emulator process for a whole test class; each test makes its own company in it.</summary>
public sealed class PushCloudFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("e2e-push-").FullName;

    public EmulatorProcess Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await EmulatorProcess.StartAsync(Path.Combine(Root, "cloud"));

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still exiting may hold a file for a moment; the temp folder is cleaned later.
        }
    }
}
