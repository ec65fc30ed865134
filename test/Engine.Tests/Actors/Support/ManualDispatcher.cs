using QbConnector.Engine.Actors.Dispatch;

namespace QbConnector.Engine.Tests.Actors.Support;

/// <summary>A dispatcher whose turns run only when the test says so, on the test's thread.</summary>
internal sealed class ManualDispatcher : IDispatcher
{
    private readonly Queue<IThreadPoolWorkItem> _pending = new();

    public int PendingTurns
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    public void Execute(IThreadPoolWorkItem work)
    {
        lock (_pending)
        {
            _pending.Enqueue(work);
        }
    }

    public void Detach()
    {
    }

    public void RunOneTurn()
    {
        IThreadPoolWorkItem work;
        lock (_pending)
        {
            work = _pending.Dequeue();
        }

        work.Execute();
    }
}
