using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Hosting;

/// <summary>What the control API does in the running engine.</summary>
internal sealed class EngineControl(StatusBoard status, IActorRef companies, IActorRef cloudLink, LinkFlow link) : IEngineControl
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public async Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var cloud = await cloudLink.Ask<CloudLinkState>(GetCloudLinkState.Instance, AskTimeout, cancellationToken);
        return new EngineStatus(EngineVersion.Current, cloud.Connected, status.Snapshot());
    }

    public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken) => link.LinkAsync(request, cancellationToken);

    public async Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var asked = await companies.Ask<int>(new SyncCompanies(request.CompanyId, new SyncNow(request.DataTypes, request.Full)), AskTimeout, cancellationToken);
        return asked == 0
            ? throw new ControlException(404, request.CompanyId is null ? "No company is linked yet." : $"No company '{request.CompanyId}' is linked.")
            : new CommandResult(asked == 1 ? "Sync started." : $"Sync started for {asked} companies.", request.CompanyId);
    }

    public Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken) =>
        throw new ControlException(501, "Pausing is not available in this version of the connector.");

    public Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken) =>
        throw new ControlException(501, "Resuming is not available in this version of the connector.");

    public Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken) =>
        throw new ControlException(501, "Unlinking is not available in this version of the connector.");
}
