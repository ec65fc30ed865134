namespace QbConnector.QbGateway.Sessions;

/// <summary>The session ticket BeginSession returns; opaque.</summary>
public readonly record struct QbTicket(string Value)
{
    public override string ToString() => Value;
}
