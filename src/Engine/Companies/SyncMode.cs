namespace QbConnector.Engine.Companies;

/// <summary>One-time: sync once, then deauthorise and remove the connector. Ongoing: keep syncing.</summary>
public enum SyncMode
{
    Ongoing,
    OneTime,
}
