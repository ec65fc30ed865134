namespace QbConnector.TrayUi.Status;

/// <summary>The connector at a glance: one of the four tray icons.</summary>
internal enum OverallKind
{
    AllGood,
    Syncing,
    NeedsYou,
    EngineNotRunning,
}
