using System.Collections.Concurrent;

namespace QbConnector.Engine.Actors.Dispatch;

/// <summary>
/// One dedicated thread for one actor's whole life, e.g. the owner of an apartment-threaded COM
/// object. The thread carries a synchronisation context that posts back to it, so the continuations
/// of the actor's async handlers run on it too. The apartment is set only on Windows, the one place
/// where apartments exist (elsewhere SetApartmentState throws PlatformNotSupportedException).
/// </summary>
internal sealed class PinnedDispatcher : IDispatcher
{
    private readonly BlockingCollection<WorkItem> _queue = new();
    private readonly Thread _thread;

    public PinnedDispatcher(string name, ApartmentState apartment)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        if (apartment != ApartmentState.Unknown && OperatingSystem.IsWindows())
        {
            _thread.SetApartmentState(apartment);
        }

        _thread.Start();
    }

    public int ManagedThreadId => _thread.ManagedThreadId;

    public void Execute(IThreadPoolWorkItem work) => Post(new WorkItem(work, null, null));

    public void Detach() => _queue.CompleteAdding();

    internal void Post(WorkItem item)
    {
        try
        {
            _queue.Add(item);
        }
        catch (InvalidOperationException)
        {
            // The actor has terminated; a late continuation still has to run somewhere.
            ThreadPool.UnsafeQueueUserWorkItem(static i => i.Run(), item, preferLocal: false);
        }
    }

    private void Loop()
    {
        SynchronizationContext.SetSynchronizationContext(new PinnedSynchronizationContext(this));
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item.Run();
        }

        _queue.Dispose();
    }

    internal readonly record struct WorkItem(IThreadPoolWorkItem? Work, SendOrPostCallback? Callback, object? State)
    {
        public void Run()
        {
            if (Work is not null)
            {
                Work.Execute();
            }
            else
            {
                Callback!(State);
            }
        }
    }
}
