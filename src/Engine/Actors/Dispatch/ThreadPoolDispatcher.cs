namespace QbConnector.Engine.Actors.Dispatch;

/// <summary>The default: turns of all actors share the .NET thread pool.</summary>
internal sealed class ThreadPoolDispatcher : IDispatcher
{
    public static ThreadPoolDispatcher Instance { get; } = new();

    public void Execute(IThreadPoolWorkItem work) => ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);

    public void Detach()
    {
    }
}
