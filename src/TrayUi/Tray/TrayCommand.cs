namespace QbConnector.TrayUi.Tray;

/// <summary>What a tray menu item does.</summary>
internal enum TrayCommand
{
    OpenDashboard = 1,
    SyncNow,
    Pause24Hours,
    Resume,
    AddCompany,
    Quit,
}
