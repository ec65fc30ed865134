namespace QbConnector.Engine.Updates;

/// <summary>Where the updater stands, for the engine's status and the cloud.</summary>
public sealed record UpdateStatus(UpdateState State, string? Version, long BytesReceived, long? TotalBytes, string? Reason)
{
    public static readonly UpdateStatus Idle = new(UpdateState.Idle, null, 0, null, null);
}
