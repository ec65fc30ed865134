namespace QbConnector.Engine.Actors.Dispatch;

/// <summary>Sends awaits' continuations back to the pinned thread.</summary>
internal sealed class PinnedSynchronizationContext(PinnedDispatcher dispatcher) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => dispatcher.Post(new PinnedDispatcher.WorkItem(null, d, state));

    public override SynchronizationContext CreateCopy() => this;
}
