namespace QbConnector.CloudEmulator.Grpc;

/// <summary>
/// What the REST side tells the connector side after a change, so that an online connector
/// hears of it at once rather than at its next reconnect.
/// </summary>
internal interface IConnectorNotifier
{
    bool IsOnline(string? installId);

    void WorkQueued(string companyId);

    void SettingsChanged(string? companyId);

    void Paused(string companyId, DateTimeOffset? until);

    void Resumed(string companyId);

    void Deauthorised(string companyId, string? installId);

    void UpdatePublished();
}
