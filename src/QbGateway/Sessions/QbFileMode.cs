namespace QbConnector.QbGateway.Sessions;

/// <summary>BeginSession's open mode (the SDK's QBFileMode values).</summary>
public enum QbFileMode
{
    SingleUser = 0,
    MultiUser = 1,
    DoNotCare = 2,
}
