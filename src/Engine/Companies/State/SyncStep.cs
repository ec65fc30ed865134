using QbConnector.Engine.Sync.Windows;

namespace QbConnector.Engine.Companies.State;

/// <summary>What a company's sync does next, derived from its persisted events alone.</summary>
public abstract record SyncStep(string WorkId)
{
    /// <summary>Begin a data type: fix its upper bound (QuickBooks' clock now) and persist DataTypeStarted.</summary>
    public sealed record StartDataType(string WorkId, string DataType, DateTimeOffset? From) : SyncStep(WorkId);

    /// <summary>Fetch (or fetch again, after a crash) one window of a data type.</summary>
    public sealed record FetchWindow(string WorkId, string DataType, SyncWindow Window) : SyncStep(WorkId);

    /// <summary>All windows are durable: fetch deletes since the watermark, then persist DataTypeCompleted.</summary>
    public sealed record CompleteDataType(string WorkId, string DataType, DateTimeOffset? From, DateTimeOffset Until) : SyncStep(WorkId);

    /// <summary>Every data type of the work is done.</summary>
    public sealed record CompleteWork(string WorkId) : SyncStep(WorkId);
}
