namespace QbConnector.Engine.Companies;

/// <summary>The cloud's settings for one data type of a company.</summary>
public sealed record DataTypeSettings(string DataType, bool FetchOnFirstLink, SyncFrequency Frequency);
