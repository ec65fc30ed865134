using System.Collections.Concurrent;
using QbConnector.Engine.Control.Contracts;

namespace QbConnector.Engine.Reporting;

/// <summary>
/// The latest status of every company, written by the company actors as things change and read
/// by the control API, so a status request never waits behind a sync.
/// </summary>
public sealed class StatusBoard
{
    private readonly ConcurrentDictionary<string, CompanyStatus> _companies = new(StringComparer.Ordinal);

    public event Action<CompanyStatus>? Changed;

    public void Set(CompanyStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        _companies[status.CompanyId] = status;
        Changed?.Invoke(status);
    }

    public void Remove(string companyId) => _companies.TryRemove(companyId, out _);

    public CompanyStatus? Get(string companyId) => _companies.GetValueOrDefault(companyId);

    public IReadOnlyList<CompanyStatus> Snapshot() => _companies.Values.OrderBy(c => c.CompanyName, StringComparer.CurrentCulture).ToList();
}
