using System.Collections.Concurrent;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Reporting;

namespace QbConnector.Engine.Companies;

/// <summary>The linked companies, readable from any thread (the cloud link's hello, the control API).</summary>
public sealed class CompanyDirectory : ICompanyDirectory
{
    private readonly ConcurrentDictionary<string, CompanyProfile> _profiles = new(StringComparer.Ordinal);
    private readonly StatusBoard? _status;

    /// <param name="status">Where the companies' states are read for the cloud link's hello (paused, needs attention); all "linked" when null.</param>
    public CompanyDirectory(StatusBoard? status = null) => _status = status;

    public IReadOnlyCollection<CompanyProfile> Profiles => _profiles.Values.ToList();

    public void Set(CompanyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[profile.CompanyId] = profile;
    }

    public void Remove(string companyId) => _profiles.TryRemove(companyId, out _);

    public CompanyProfile? Find(string companyId) => _profiles.GetValueOrDefault(companyId);

    public IReadOnlyList<CompanyState> CompanyStates() =>
        _profiles.Values.Select(p => new CompanyState
        {
            CompanyId = p.CompanyId,
            LinkState = _status?.Get(p.CompanyId)?.State switch
            {
                "Paused" => LinkState.Paused,
                "NeedsAttention" => LinkState.NeedsAttention,
                _ => LinkState.Linked,
            },
        }).ToList();
}
