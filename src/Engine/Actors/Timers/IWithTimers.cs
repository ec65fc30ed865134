namespace QbConnector.Engine.Actors.Timers;

/// <summary>An actor with keyed timers; the kernel sets Timers right after the constructor, use it from PreStart on.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}
