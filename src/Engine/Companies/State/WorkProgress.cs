using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Companies.State;

/// <summary>How far one accepted piece of work has come.</summary>
public sealed class WorkProgress
{
    public WorkProgress(string workId, IReadOnlyList<string> dataTypes, bool full, bool interactive, DateTimeOffset acceptedAt)
    {
        WorkId = workId;
        DataTypes = dataTypes;
        Full = full;
        Interactive = interactive;
        AcceptedAt = acceptedAt;
    }

    public string WorkId { get; }

    public IReadOnlyList<string> DataTypes { get; }

    public bool Full { get; }

    public bool Interactive { get; }

    public DateTimeOffset AcceptedAt { get; }

    public HashSet<string> CompletedDataTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The data type in progress, its lower bound (null: from the beginning) and upper bound.</summary>
    public (string DataType, DateTimeOffset? From, DateTimeOffset Until)? Current { get; set; }

    /// <summary>The last window of the current data type that is durable, with its record count.</summary>
    public (SyncWindow Window, int Records)? LastWindow { get; set; }

    public long RecordsDone { get; set; }

    public WorkProgress Clone()
    {
        var copy = new WorkProgress(WorkId, DataTypes, Full, Interactive, AcceptedAt)
        {
            Current = Current,
            LastWindow = LastWindow,
            RecordsDone = RecordsDone,
        };
        copy.CompletedDataTypes.UnionWith(CompletedDataTypes);
        return copy;
    }
}
