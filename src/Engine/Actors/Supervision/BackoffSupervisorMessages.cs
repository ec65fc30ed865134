using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Actors.Supervision;

/// <summary>Asks a BackoffSupervisor for its child; the reply is CurrentChild.</summary>
public sealed record GetCurrentChild
{
    public static GetCurrentChild Instance { get; } = new();
}

/// <summary>The supervisor's child, or null while it waits to start a new one.</summary>
public sealed record CurrentChild(IActorRef? Ref);

/// <summary>Asks a BackoffSupervisor for its restart count; the reply is RestartCount.</summary>
public sealed record GetRestartCount
{
    public static GetRestartCount Instance { get; } = new();
}

public sealed record RestartCount(int Count);
