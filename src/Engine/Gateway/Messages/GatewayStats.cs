namespace QbConnector.Engine.Gateway.Messages;

/// <summary>Counters for status and benchmarks. Ask the gateway with <see cref="GetGatewayStats"/>.</summary>
public sealed record GatewayStats(string? OpenFile, int Pending, long Requests, long FileOpens, long Retries, TimeSpan BusyTime);

/// <summary>Asks the gateway for its <see cref="GatewayStats"/>.</summary>
public sealed record GetGatewayStats
{
    public static GetGatewayStats Instance { get; } = new();
}
