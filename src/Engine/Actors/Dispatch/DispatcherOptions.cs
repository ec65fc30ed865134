namespace QbConnector.Engine.Actors.Dispatch;

/// <summary>Where an actor runs: the shared thread pool (default) or a thread of its own.</summary>
public sealed record DispatcherOptions
{
    private DispatcherOptions(bool pinned, ApartmentState apartment)
    {
        IsPinned = pinned;
        Apartment = apartment;
    }

    public static DispatcherOptions ThreadPool { get; } = new(false, ApartmentState.Unknown);

    public bool IsPinned { get; }

    /// <summary>The COM apartment of a pinned thread; applied on Windows only.</summary>
    public ApartmentState Apartment { get; }

    public static DispatcherOptions Pinned(ApartmentState apartment = ApartmentState.Unknown) => new(true, apartment);

    internal IDispatcher Create(string actorPath) =>
        IsPinned ? new PinnedDispatcher("actor " + actorPath, Apartment) : ThreadPoolDispatcher.Instance;
}
