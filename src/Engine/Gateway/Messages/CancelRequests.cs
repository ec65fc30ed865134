namespace QbConnector.Engine.Gateway.Messages;

/// <summary>Drops every waiting request of a company file (unlink, pause); none is answered.</summary>
public sealed record CancelRequests(string CompanyFile);
