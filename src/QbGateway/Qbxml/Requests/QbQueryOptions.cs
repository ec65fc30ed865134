namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>The iterator attribute of a query.</summary>
public enum QbIterator
{
    /// <summary>No iterator: one answer with everything (or up to MaxReturned).</summary>
    None,
    Start,
    Continue,
    Stop,
}

/// <summary>ActiveStatus of list queries. QuickBooks' default is ActiveOnly; a sync needs All.</summary>
public enum QbActiveStatus
{
    ActiveOnly,
    InactiveOnly,
    All,
}

/// <summary>onError of a message set (rollbackOnError is not supported by QuickBooks).</summary>
public enum QbOnError
{
    StopOnError,
    ContinueOnError,
}
