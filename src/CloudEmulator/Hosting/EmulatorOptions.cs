namespace QbConnector.CloudEmulator.Hosting;

/// <summary>Where the emulator listens and keeps its state. Port 0 picks a free port.</summary>
internal sealed record EmulatorOptions(int GrpcPort, int HttpPort, string DataDirectory)
{
    public string UpdatesDirectory => Path.Combine(DataDirectory, "updates");
}
