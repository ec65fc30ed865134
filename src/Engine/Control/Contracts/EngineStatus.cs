namespace QbConnector.Engine.Control.Contracts;

/// <summary>The whole connector at a glance.</summary>
/// <param name="CloudConnected">Whether the work stream to the cloud is open.</param>
public sealed record EngineStatus(string Version, bool CloudConnected, IReadOnlyList<CompanyStatus> Companies);
