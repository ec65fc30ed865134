namespace QbConnector.QbGateway.Errors;

/// <summary>What a QuickBooks failure means for the connector (see the architecture's "Errors a person can act on").</summary>
public enum QbErrorClass
{
    /// <summary>Transient: retry by itself with backoff, never shown (QuickBooks starting, record locked).</summary>
    RetryLater,

    /// <summary>Only the person at the PC can fix it: shown in plain words with the fix, reported to the cloud.</summary>
    NeedsPerson,

    /// <summary>This one request is wrong: fail that work item with its QuickBooks status, and nothing else.</summary>
    RequestInvalid,
}
