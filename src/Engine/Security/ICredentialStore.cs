namespace QbConnector.Engine.Security;

/// <summary>Keeps each linked company's install credential protected at rest.</summary>
public interface ICredentialStore
{
    void Save(string companyId, InstallCredential credential);

    InstallCredential? TryLoad(string companyId);

    /// <summary>Destroys the credential (unlink, deauthorise). Deleting a missing one is harmless.</summary>
    void Delete(string companyId);
}
