namespace QbConnector.TestSupport.Processes;

/// <summary>How a test starts the engine's <c>run</c> verb.</summary>
public sealed class EngineProcessOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>The cloud's gRPC address (an emulator's <see cref="EmulatorProcess.GrpcUrl"/>).</summary>
    public string? CloudUrl { get; init; }

    /// <summary>Folder for the qbXML trace of every request and response; none when null.</summary>
    public string? QbXmlTrace { get; init; }

    /// <summary>The sandbox's latency profile.</summary>
    public string SandboxLatency { get; init; } = "none";

    /// <summary>A pause point (NAME or NAME#N) at which the engine freezes, to be killed there.</summary>
    public string? PauseAt { get; init; }

    /// <summary>Extra environment, e.g. <c>QBCONNECTOR_Outbox__BudgetBytes</c>.</summary>
    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long start-up may take before the test fails.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
