namespace QbConnector.Engine.Companies;

/// <summary>How often a data type is synced by schedule.</summary>
public enum SyncFrequency
{
    None,
    Monthly,
    Weekly,
    Daily,
    Hourly,
}
