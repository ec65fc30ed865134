using System.Globalization;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Grpc;

internal enum LinkFailure
{
    InvalidArgument,
    Unauthenticated,
    NotFound,
    PermissionDenied,
    FailedPrecondition,
}

/// <summary>The answer to a Link call: a response, or why it was refused, in words for the person.</summary>
internal sealed record LinkOutcome(LinkResponse? Response, LinkFailure? Failure, string Message, string? CompanyId = null, bool FirstLink = false)
{
    public static LinkOutcome Refused(LinkFailure failure, string message) => new(null, failure, message);
}

/// <summary>Exchanges a licence key for an install credential, and queues the first fetch.</summary>
internal sealed class LinkService(CompanyStore companies, InstallStore installs, SettingsStore settings, DatasetStore datasets)
{
    private const int MaxFieldLength = 512;

    private static readonly Branding PlatformBranding = new()
    {
        PlatformName = "Cloud Emulator",
        LogoDataUrl = "data:image/svg+xml;base64," + Convert.ToBase64String("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#2e7d32\"/></svg>"u8),
        ColourHex = "#2E7D32",
    };

    /// <param name="bearerCredential">The install credential the call carried, if any: the company then joins that install.</param>
    public LinkOutcome Link(LinkRequest request, string? bearerCredential)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.LicenceKey.Trim().ToLowerInvariant();
        if (key.Length == 0 || key.Length > MaxFieldLength)
        {
            return LinkOutcome.Refused(LinkFailure.InvalidArgument, "The licence key is missing. Copy it from the company's page on the platform.");
        }

        if (string.IsNullOrWhiteSpace(request.CompanyFile?.Name) || string.IsNullOrWhiteSpace(request.CompanyFile.Fingerprint)
            || request.CompanyFile.Name.Length > MaxFieldLength || request.CompanyFile.Fingerprint.Length > MaxFieldLength)
        {
            return LinkOutcome.Refused(LinkFailure.InvalidArgument, "The company file's name and fingerprint are required.");
        }

        if (ContractMapping.ToStore(request.Region) is not { } region)
        {
            return LinkOutcome.Refused(LinkFailure.InvalidArgument, "The region is missing: choose Canada, UK or US.");
        }

        if (companies.Get(key) is not { } company)
        {
            return LinkOutcome.Refused(LinkFailure.NotFound, "No company has this licence key. Check the key on the platform's company page.");
        }

        if (company.LinkState == CompanyLinkState.Deauthorised)
        {
            return LinkOutcome.Refused(LinkFailure.PermissionDenied, "This company was deauthorised on the platform. Ask the platform to enable it again before linking.");
        }

        if (company.Region != region)
        {
            return LinkOutcome.Refused(
                LinkFailure.FailedPrecondition,
                string.Create(CultureInfo.InvariantCulture, $"This licence key belongs to the {Describe(company.Region)} region, not {Describe(region)}. Choose {Describe(company.Region)} and link again."));
        }

        if (company.LinkState == CompanyLinkState.Linked && !string.Equals(company.FileFingerprint, request.CompanyFile.Fingerprint, StringComparison.Ordinal))
        {
            return LinkOutcome.Refused(
                LinkFailure.FailedPrecondition,
                $"This licence key is already linked to another company file ({company.FileName}). Use the licence key of the company you mean to link.");
        }

        string installId;
        var credential = string.Empty;
        if (bearerCredential is not null)
        {
            if (installs.FindByCredential(bearerCredential) is not { } install)
            {
                return LinkOutcome.Refused(LinkFailure.Unauthenticated, "The install credential is not known to the platform. Link again without it.");
            }

            installId = install.Id;
        }
        else
        {
            (var install, credential) = installs.Create();
            installId = install.Id;
        }

        var firstLink = company.LinkState == CompanyLinkState.Unlinked;
        companies.Link(company.Id, installId, request.CompanyFile.Name, request.CompanyFile.Fingerprint);
        installs.RecordFacts(installId, request.ConnectorVersion, request.Machine?.QuickbooksProduct, request.Machine?.QuickbooksVersion);
        var effective = settings.Effective(company.Id);
        if (firstLink)
        {
            foreach (var (dataType, setting) in effective.DataTypes ?? new Dictionary<string, DataTypeSettings>())
            {
                if (setting.FetchOnFirstLink)
                {
                    datasets.Queue(company.Id, dataType, fullSync: true);
                }
            }
        }

        var response = new LinkResponse
        {
            InstallCredential = credential,
            CompanyId = company.Id,
            CompanyName = company.Name,
            Branding = PlatformBranding,
            Settings = ContractMapping.ToContract(effective),
        };
        return new LinkOutcome(response, null, "Linked.", company.Id, firstLink);
    }

    private static string Describe(Store.Region region) => region switch
    {
        Store.Region.Canada => "Canada",
        Store.Region.UK => "UK",
        _ => "US",
    };
}
