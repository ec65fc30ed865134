using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.SystemMessages;

namespace QbConnector.Engine.Actors.Shutdown;

public static class GracefulStopExtensions
{
    /// <summary>
    /// Sends the stop message (PoisonPill by default: the messages before it are processed first) and
    /// completes with true once the actor has terminated, or false if it has not within the timeout.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget)
        {
            throw new ArgumentException($"{target.Path} is not an actor of this process.", nameof(target));
        }

        var promise = new PromiseActorRef(internalTarget.System, timeout, target.Path);
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance, ActorRefs.Nobody);
        try
        {
            await promise.Task;
            return true;
        }
        catch (AskTimeoutException)
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
            return false;
        }
    }
}
