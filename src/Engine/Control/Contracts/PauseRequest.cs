namespace QbConnector.Engine.Control.Contracts;

/// <summary>Pause one company or all, for a while or until resumed.</summary>
public sealed record PauseRequest(string? CompanyId = null, TimeSpan? For = null);
