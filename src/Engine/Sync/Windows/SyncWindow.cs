namespace QbConnector.Engine.Sync.Windows;

/// <summary>
/// A range of TimeModified, both bounds inclusive as QuickBooks treats them, at whole seconds
/// (QuickBooks' resolution).
/// </summary>
public readonly record struct SyncWindow(DateTimeOffset From, DateTimeOffset To)
{
    public TimeSpan Span => To - From;

    public override string ToString() => $"{From:O} .. {To:O}";
}
