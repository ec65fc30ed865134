namespace QbConnector.CloudEmulator.Hosting;

/// <summary>
/// The hosts do not listen for Ctrl+C or SIGTERM themselves: the program (or a test) stops the
/// emulator as a whole, so both hosts and the store go down together.
/// </summary>
internal sealed class ProgramOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
