namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>The request to run next, and whether the session must move to its company file first.</summary>
public sealed record GatewayDecision<T>(GatewayWork<T> Work, bool SwitchFile);
