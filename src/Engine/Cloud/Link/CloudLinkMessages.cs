using QbConnector.CloudContract.V1;

namespace QbConnector.Engine.Cloud.Link;

/// <summary>A company appended durable messages to the outbox: the link sends them when it can.</summary>
public sealed record OutboxChanged(string CompanyId);

/// <summary>A message that matters only now (progress, work accepted, health): sent if connected, else dropped.</summary>
public sealed record SendBestEffort(ClientMessage Message);

/// <summary>A message from the cloud for one company (or every company when the id is empty).</summary>
public sealed record CloudCommand(string CompanyId, ServerMessage Message);

/// <summary>The link's state, for status.</summary>
public sealed record CloudLinkState(bool Connected, int InFlight, DateTimeOffset? ConnectedSince, string? LastError);

/// <summary>Asks the link for its <see cref="CloudLinkState"/>.</summary>
public sealed record GetCloudLinkState
{
    public static GetCloudLinkState Instance { get; } = new();
}

/// <summary>Published on the actor system's event stream when the stream to the cloud is up (the cloud has answered).</summary>
public sealed record CloudLinkConnected(DateTimeOffset At);

/// <summary>The install credential changed (first link): connect with it.</summary>
public sealed record CredentialChanged
{
    public static CredentialChanged Instance { get; } = new();
}

/// <summary>The install credential was destroyed (the last company is gone): close the stream and stay offline.</summary>
public sealed record CredentialRemoved
{
    public static CredentialRemoved Instance { get; } = new();
}
