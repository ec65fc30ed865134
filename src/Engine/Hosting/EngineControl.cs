using System.Globalization;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Hosting;

/// <summary>What the control API does in the running engine.</summary>
internal sealed class EngineControl(StatusBoard status, IActorRef companies, IActorRef cloudLink, LinkFlow link, CompanyDirectory directory, TimeProvider time) : IEngineControl
{
    /// <summary>The longest pause a person can ask for; longer is almost certainly a typing mistake.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromDays(365);

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    // Unlinking may wait for the company's work to stop and for the cloud (with retries).
    private static readonly TimeSpan UnlinkTimeout = TimeSpan.FromSeconds(90);

    public async Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var cloud = await cloudLink.Ask<CloudLinkState>(GetCloudLinkState.Instance, AskTimeout, cancellationToken);
        return new EngineStatus(EngineVersion.Current, cloud.Connected, status.Snapshot(), status.OneTime);
    }

    public Task StatusChangedAsync(CancellationToken cancellationToken) => status.WhenChangedAsync(cancellationToken);

    public Task<LicenceInfo> DescribeLicenceAsync(string licenceKey, CancellationToken cancellationToken)
    {
        // The contract has no call to look a key up before linking; an install serves one
        // platform, so a company linked here already tells whose platform it is.
        var known = directory.Profiles.FirstOrDefault(p => p.PlatformName.Length > 0);
        var branding = known is null ? null : new Branding(known.PlatformName, known.LogoDataUrl, known.ColourHex);
        return Task.FromResult(new LicenceInfo(licenceKey, branding));
    }

    public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken) => link.LinkAsync(request, cancellationToken);

    public async Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var asked = await companies.Ask<int>(new SyncCompanies(request.CompanyId, new SyncNow(request.DataTypes, request.Full)), AskTimeout, cancellationToken);
        return asked == 0
            ? throw new ControlException(404, request.CompanyId is null ? "No company is linked yet." : $"No company '{request.CompanyId}' is linked.")
            : new CommandResult(asked == 1 ? "Sync started." : $"Sync started for {asked} companies.", request.CompanyId);
    }

    public async Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.For is { } length && (length <= TimeSpan.Zero || length > LongestPause))
        {
            throw new ControlException(400, "A pause lasts more than zero and at most 365 days; leave the duration out to pause until you resume.");
        }

        var until = request.For is { } d ? time.GetUtcNow() + d : (DateTimeOffset?)null;
        var states = await AskEachAsync(request.CompanyId, new PauseCompany(until), cancellationToken);
        var what = states.Count == 1 ? $"Paused '{states[0].CompanyName}'" : $"Paused {states.Count} companies";
        return new CommandResult(until is { } u ? $"{what} until {Local(u)}." : $"{what} until you resume.", request.CompanyId);
    }

    public async Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken)
    {
        var states = await AskEachAsync(companyId, new ResumeCompany(), cancellationToken);
        return new CommandResult(states.Count == 1 ? $"Resumed '{states[0].CompanyName}'." : $"Resumed {states.Count} companies.", companyId);
    }

    public async Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(companyId))
        {
            throw new ControlException(400, "Say which company to unlink (its id, as 'status' shows it).");
        }

        var name = directory.Find(companyId)?.CompanyName ?? companyId;
        var reply = await companies.Ask<CompanyRemovedReply>(new RemoveCompany(companyId, "Unlinked on this PC.", TellCloud: true), UnlinkTimeout, cancellationToken);
        if (!reply.Found)
        {
            throw new ControlException(404, $"No company '{companyId}' is linked.");
        }

        return new CommandResult(
            reply.CloudTold
                ? $"Unlinked '{name}': the platform was told, and its data on this PC is deleted."
                : $"Unlinked '{name}' on this PC and deleted its data here. The platform could not be told: deauthorise the company there too.",
            companyId);
    }

    private async Task<List<PauseState>> AskEachAsync(string? companyId, object message, CancellationToken cancellationToken)
    {
        var ids = companyId is null ? directory.Profiles.Select(p => p.CompanyId).ToList() : [companyId];
        if (ids.Count == 0)
        {
            throw new ControlException(404, "No company is linked yet.");
        }

        var states = new List<PauseState>();
        foreach (var id in ids)
        {
            switch (await companies.Ask<object>(new ToCompany(id, message), AskTimeout, cancellationToken))
            {
                case PauseState state:
                    states.Add(state);
                    break;
                case CompanyNotLinked when companyId is not null:
                    throw new ControlException(404, $"No company '{companyId}' is linked.");
            }
        }

        return states;
    }

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
