namespace QbConnector.QbGateway.Errors;

/// <summary>What one qbXML statusCode means.</summary>
/// <param name="Code">The statusCode.</param>
/// <param name="Name">A short name for logs and the cloud.</param>
/// <param name="ErrorClass">Null when the code is not a failure (0 OK, 1 no match, 500 partly found).</param>
/// <param name="PlainMessage">What happened, in plain words.</param>
/// <param name="Fix">What to do, or what the connector does by itself.</param>
public sealed record QbStatus(int Code, string Name, QbErrorClass? ErrorClass, string PlainMessage, string Fix)
{
    public bool IsError => ErrorClass is not null;
}
