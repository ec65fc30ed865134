namespace QbConnector.Engine.Companies;

/// <summary>The region the company is linked in; it must match the company file's country.</summary>
public enum Region
{
    US,
    Canada,
    UK,
}
