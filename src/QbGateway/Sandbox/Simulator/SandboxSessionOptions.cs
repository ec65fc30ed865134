using QbConnector.QbGateway.Sandbox.Latency;

namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>How a sandbox session behaves beyond what the per-file QuickBooks state says.</summary>
public sealed record SandboxSessionOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Zero by default, so tests never wait; the state file's LatencyProfile overrides it.</summary>
    public SandboxLatency Latency { get; init; } = SandboxLatency.None;

    /// <summary>The company file open in the simulated QuickBooks: what BeginSession with an empty path uses.</summary>
    public string? OpenCompanyFile { get; init; }

    /// <summary>The qbXML versions the simulated QuickBooks (2023, R1) accepts.</summary>
    public IReadOnlyList<string> SupportedVersions { get; init; } =
    [
        "1.0", "1.1", "2.0", "2.1", "3.0", "4.0", "4.1", "5.0", "6.0", "7.0", "8.0", "10.0", "11.0", "12.0", "13.0", "14.0", "15.0", "16.0",
    ];
}
