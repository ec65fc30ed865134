namespace QbConnector.Engine.Actors.Timers;

/// <summary>
/// Keyed timers that send a message to the actor itself (as Akka's ITimerScheduler). Starting a key
/// again replaces its timer; a tick of a replaced or cancelled timer that is already queued is dropped.
/// All timers are cancelled when the actor restarts or stops.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object message, TimeSpan timeout);

    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}
