namespace QbConnector.Engine.Control.Contracts;

/// <summary>The whole connector at a glance.</summary>
/// <param name="CloudConnected">Whether the work stream to the cloud is open.</param>
/// <param name="OneTime">Set when this install links once, syncs, and then removes itself.</param>
public sealed record EngineStatus(string Version, bool CloudConnected, IReadOnlyList<CompanyStatus> Companies, OneTimeRun? OneTime = null);

/// <summary>A one-time install: it removes itself from the PC once its first sync is done.</summary>
/// <param name="Finished">The work is done and the connector is removing (or has removed) itself.</param>
public sealed record OneTimeRun(bool Finished);
