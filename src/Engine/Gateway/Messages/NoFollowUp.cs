namespace QbConnector.Engine.Gateway.Messages;

/// <summary>
/// The sender of the last request for a company file has nothing more to ask for now: the
/// session need not wait for a follow-up before serving another file.
/// </summary>
public sealed record NoFollowUp(string CompanyFile);
