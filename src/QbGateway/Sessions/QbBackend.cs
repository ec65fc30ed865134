namespace QbConnector.QbGateway.Sessions;

/// <summary>Which QuickBooks the connector talks to.</summary>
public enum QbBackend
{
    /// <summary>The real SDK when its COM server is registered (Windows), otherwise the sandbox.</summary>
    Auto,

    /// <summary>The real SDK (QBXMLRP2 over COM); Windows only.</summary>
    Com,

    /// <summary>The sandbox QuickBooks simulator.</summary>
    Sandbox,
}
