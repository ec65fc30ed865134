using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Security;

namespace QbConnector.Engine.Companies;

/// <summary>What removing a company needs beyond the company actors: the credential, the cloud, and who to tell when a one-time run is over.</summary>
/// <param name="CloudLink">Told <see cref="Cloud.Link.CredentialRemoved"/> when the last company goes.</param>
/// <param name="OneTimeFinished">Called (on the companies actor) when a one-time company was removed and none is left.</param>
public sealed record CompanyRemovalServices(
    ICredentialStore Credentials,
    ICloudUnlinker Cloud,
    IActorRef CloudLink,
    Action? OneTimeFinished = null);

/// <summary>Tells the cloud that this install ends a company's link.</summary>
public interface ICloudUnlinker
{
    /// <summary>True when the cloud confirmed; false when it could not be told (unreachable, or a cloud without the call).</summary>
    Task<bool> UnlinkAsync(string companyId, string reason, CancellationToken cancellationToken);
}
