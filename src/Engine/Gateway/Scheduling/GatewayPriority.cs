namespace QbConnector.Engine.Gateway.Scheduling;

/// <summary>Interactive work (pushes, manual syncs) goes before scheduled syncs.</summary>
public enum GatewayPriority
{
    Interactive = 0,
    Scheduled = 1,
}
