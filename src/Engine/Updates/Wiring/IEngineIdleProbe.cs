namespace QbConnector.Engine.Updates.Wiring;

/// <summary>Whether the engine could stop now without cutting anything short.</summary>
public interface IEngineIdleProbe
{
    Task<bool> IsIdleAsync(CancellationToken cancellationToken);
}
