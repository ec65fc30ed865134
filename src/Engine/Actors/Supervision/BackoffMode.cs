namespace QbConnector.Engine.Actors.Supervision;

public enum BackoffMode
{
    /// <summary>Restart the child after a backoff whenever it stops (e.g. a persistent actor whose write failed).</summary>
    OnStop,

    /// <summary>Restart the child after a backoff when it fails; if it stops by itself, the supervisor stops too.</summary>
    OnFailure,
}
