using System.Security.Cryptography;
using System.Text;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Reporting;
using QbConnector.Engine.Security;
using QbConnector.Engine.Sync.Fetching;
using QbConnector.Grpc.Core;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Qbxml.Responses;
using Serilog;
using Region = QbConnector.CloudContract.V1.Region;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// Linking a company file, as the person experiences it: the file must exist; QuickBooks is
/// asked for access (and the person to allow it, waited for); the file's country must match
/// the region; then the cloud exchanges the licence key for the install's credential and the
/// company's settings, and the company starts syncing what the cloud asks for.
/// </summary>
internal sealed class LinkFlow(
    IActorRef gateway,
    IActorRef companies,
    IActorRef cloudLink,
    ConnectorServiceClient cloud,
    ICredentialStore credentials,
    StatusBoard status,
    TimeProvider time,
    ILogger log)
{
    private static readonly TimeSpan AuthorisationWait = TimeSpan.FromMinutes(3);

    // Licence keys whose status entry is a link in progress (or one that failed), not a company's own.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _shown = new(StringComparer.Ordinal);

    public async Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken ct)
    {
        var region = ParseRegion(request.Region);
        if (string.IsNullOrWhiteSpace(request.LicenceKey))
        {
            throw new ControlException(400, "The licence key is missing: copy it from the platform's settings page.");
        }

        var file = Path.GetFullPath(request.CompanyFile);
        if (!File.Exists(file))
        {
            throw new ControlException(400, $"The company file '{file}' does not exist. Check the path (QuickBooks company files end in .QBW).");
        }

        var link = new PendingLink(request.LicenceKey.Trim(), file, region, InBackground: !request.Wait);
        if (request.Wait)
        {
            return await LinkCheckedAsync(link, ct);
        }

        if (status.Get(link.LicenceKey) is { State: not "Deauthorised" } && !_shown.ContainsKey(link.LicenceKey))
        {
            throw new ControlException(409, "This licence key is already linked on this PC.");
        }

        Show(link, "Linking", null);
        _ = Task.Run(() => LinkInBackgroundAsync(link), CancellationToken.None);
        return new CommandResult("Linking started: QuickBooks may ask you to allow access.", link.LicenceKey);
    }

    private async Task LinkInBackgroundAsync(PendingLink link)
    {
        try
        {
            await LinkCheckedAsync(link, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ControlException or TimeoutException or OperationCanceledException)
        {
            log.Warning("Linking {CompanyFile} failed: {Reason}", link.File, ex.Message);
            Show(link, "NeedsAttention", new Problem(ex.Message, "Check the licence key, the company file and the region, then add the company again.", "link-failed", time.GetUtcNow()));
        }
    }

    /// <summary>A link in progress is shown under its licence key until the company's own status takes over.</summary>
    private void Show(PendingLink link, string state, Problem? problem)
    {
        _shown[link.LicenceKey] = 0;
        status.Linked(link.LicenceKey);
        status.Set(new CompanyStatus(link.LicenceKey, Path.GetFileNameWithoutExtension(link.File), link.File, state, null, new Dictionary<string, DateTimeOffset>(), null, problem, null));
    }

    private async Task<CommandResult> LinkCheckedAsync(PendingLink link, CancellationToken ct)
    {
        var (file, region) = (link.File, link.Region);
        // The two questions are one piece of work: the gateway keeps the file open between them
        // rather than going back to a company that is syncing, which would cost two file opens.
        FetchedPage host, company;
        try
        {
            host = await AskQuickBooksAsync(link, new SyncRequests(1).Host("link-host"), followUp: true, ct);
            company = await AskQuickBooksAsync(link, new SyncRequests(1).Company("link-company"), followUp: false, ct);
        }
        catch
        {
            gateway.Tell(new NoFollowUp(link.File));
            throw;
        }

        var country = host.Records.FirstOrDefault()?.ValueAt("Country") ?? "US";
        if (!RegionMatches(region, country))
        {
            throw new ControlException(400, $"The company file is a {CountryName(country)} company file, but the region chosen was {CountryName(region)}. Choose {RegionOf(country)}, or link the right company file.");
        }

        var companyRet = company.Records.FirstOrDefault();
        var facts = string.Join('|', companyRet?.ValueAt("CompanyName"), companyRet?.ValueAt("LegalCompanyName"), country);
        var existing = credentials.TryLoad(CloudLinkActor.CredentialKey);
        LinkResponse linked;
        try
        {
            linked = await cloud.LinkAsync(
                new LinkRequest
                {
                    LicenceKey = link.LicenceKey,
                    Region = region,
                    CompanyFile = new CompanyFile { Name = Path.GetFileName(file), Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(facts))) },
                    ConnectorVersion = EngineVersion.Current,
                    Machine = new MachineFacts
                    {
                        Os = Environment.OSVersion.VersionString,
                        MachineNameHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Environment.MachineName))),
                        QuickbooksProduct = host.Records.FirstOrDefault()?.ValueAt("ProductName") ?? "",
                    },
                },
                existing is null ? null : ConnectorServiceDescriptors.BearerHeaders(existing.Reveal()),
                time.GetUtcNow().UtcDateTime.AddSeconds(60),
                ct);
        }
        catch (RpcException ex)
        {
            throw new ControlException(ex.StatusCode switch
            {
                StatusCode.NotFound => 404,
                StatusCode.PermissionDenied or StatusCode.FailedPrecondition or StatusCode.InvalidArgument => 400,
                _ => 503,
            }, ex.StatusCode switch
            {
                StatusCode.NotFound => "The platform does not know this licence key. Check it on the platform's settings page.",
                StatusCode.Unavailable or StatusCode.DeadlineExceeded => "The platform cannot be reached. Check the internet connection and try again.",
                _ => $"The platform refused the link: {ex.Status.Detail}",
            });
        }

        if (linked.InstallCredential.Length > 0)
        {
            credentials.Save(CloudLinkActor.CredentialKey, new InstallCredential(linked.InstallCredential));
        }

        var profile = new CompanyProfile(
            linked.CompanyId,
            linked.CompanyName.Length > 0 ? linked.CompanyName : companyRet?.ValueAt("CompanyName") ?? Path.GetFileNameWithoutExtension(file),
            file,
            region switch { Region.Canada => Engine.Companies.Region.Canada, Region.Uk => Engine.Companies.Region.UK, _ => Engine.Companies.Region.US },
            linked.Branding?.PlatformName ?? "",
            linked.Branding?.LogoDataUrl is { Length: > 0 } logo ? logo : null,
            linked.Branding?.ColourHex is { Length: > 0 } colour ? colour : null);
        if (_shown.TryRemove(link.LicenceKey, out _) && profile.CompanyId != link.LicenceKey)
        {
            status.Remove(link.LicenceKey);
        }

        await companies.Ask<CompanyAddedReply>(new AddCompany(profile, linked.Settings ?? new Settings()), TimeSpan.FromSeconds(30), ct);
        cloudLink.Tell(CredentialChanged.Instance);
        log.Information("Linked company {Company} ({CompanyName}) to {CompanyFile}", profile.CompanyId, profile.CompanyName, file);
        var platform = profile.PlatformName.Length > 0 ? profile.PlatformName : "the platform";
        return new CommandResult($"Linked '{profile.CompanyName}' with {platform}. The first sync starts now.", profile.CompanyId);
    }

    /// <summary>Asks QuickBooks, waiting while the person has not yet answered the authorisation prompt.</summary>
    private async Task<FetchedPage> AskQuickBooksAsync(PendingLink link, string requestXml, bool followUp, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + AuthorisationWait;
        while (true)
        {
            var answer = await gateway.Ask<object>(new QbRequest(link.File, GatewayPriority.Interactive, requestXml, Guid.NewGuid().ToString("N"), FollowUpExpected: followUp), TimeSpan.FromMinutes(5), ct);
            switch (answer)
            {
                case QbResponse response:
                    if (link.InBackground)
                    {
                        Show(link, "Linking", null);
                    }

                    return FetchedPage.Read(response.ResponseXml);
                case QbFailure failure when failure.Error.HResult == unchecked((int)0x80040418) && time.GetUtcNow() < deadline:
                    log.Information("Waiting for the person to allow access in QuickBooks for {CompanyFile}", link.File);
                    if (link.InBackground)
                    {
                        Show(link, "WaitingForAuthorisation", new Problem(failure.Error.PlainMessage, failure.Error.Fix, "0x80040418", time.GetUtcNow()));
                    }

                    await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
                    continue;
                case QbFailure failure:
                    throw new ControlException(409, $"{failure.Error.PlainMessage} {failure.Error.Fix}".Trim());
                default:
                    throw new ControlException(500, "QuickBooks did not answer as expected.");
            }
        }
    }

    /// <summary>A link being made: what the person gave, checked; links made in the background show in the status.</summary>
    private sealed record PendingLink(string LicenceKey, string File, Region Region, bool InBackground);

    private static Region ParseRegion(string region) => region?.Trim().ToUpperInvariant() switch
    {
        "US" => Region.Us,
        "CA" or "CANADA" => Region.Canada,
        "UK" or "GB" => Region.Uk,
        _ => throw new ControlException(400, $"Unknown region '{region}': use US, CA (Canada) or UK."),
    };

    private static bool RegionMatches(Region region, string country) => (region, country.ToUpperInvariant()) switch
    {
        (Region.Us, "US") => true,
        (Region.Canada, "CA") => true,
        (Region.Uk, "UK" or "GB") => true,
        _ => false,
    };

    private static string CountryName(string country) => country.ToUpperInvariant() switch { "CA" => "Canadian", "UK" or "GB" => "UK", _ => "US" };

    private static string RegionOf(string country) => country.ToUpperInvariant() switch { "CA" => "Canada", "UK" or "GB" => "UK", _ => "US" };

    private static string CountryName(Region region) => region switch { Region.Canada => "Canada", Region.Uk => "UK", _ => "US" };
}
