namespace QbConnector.Engine.Control.Contracts;

/// <summary>The answer to a command: what was done, in words a person reads.</summary>
public sealed record CommandResult(string Message, string? CompanyId = null);
