using Serilog;

namespace QbConnector.Engine.Actors.Core;

/// <summary>Settings of an actor system.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>The clock of every timer, Ask timeout, supervision window and backoff.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Log.Logger;

    /// <summary>How many user messages an actor processes per turn on a shared thread before yielding it.</summary>
    public int DefaultThroughput { get; init; } = 30;
}
