namespace QbConnector.Engine.Actors.Dispatch;

/// <summary>Runs mailbox turns on threads.</summary>
internal interface IDispatcher
{
    void Execute(IThreadPoolWorkItem work);

    /// <summary>The actor using this dispatcher has terminated.</summary>
    void Detach();
}
