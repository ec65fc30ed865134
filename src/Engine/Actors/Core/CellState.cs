namespace QbConnector.Engine.Actors.Core;

internal enum CellState
{
    /// <summary>Waiting for Create, or for an async start or restart to finish.</summary>
    Starting,

    Running,

    /// <summary>Failed; waits for the supervisor's directive and processes no user message meanwhile.</summary>
    Suspended,

    /// <summary>Stopping: waits for its children to terminate.</summary>
    Terminating,

    Terminated,
}
