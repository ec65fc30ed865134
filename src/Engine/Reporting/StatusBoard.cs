using System.Collections.Concurrent;
using QbConnector.Engine.Control.Contracts;

namespace QbConnector.Engine.Reporting;

/// <summary>
/// The latest status of every company, written by the company actors as things change and read
/// by the control API, so a status request never waits behind a sync. Readers can also wait for
/// the next change (the live status stream).
/// </summary>
public sealed class StatusBoard
{
    private readonly ConcurrentDictionary<string, CompanyStatus> _companies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _oneTime = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _removed = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private bool _oneTimeFinished;

    public event Action<CompanyStatus>? Changed;

    /// <summary>Set when some company links once (one-time mode), or when a one-time run has finished.</summary>
    public OneTimeRun? OneTime => _oneTimeFinished ? new OneTimeRun(true) : _oneTime.Values.Any(v => v) ? new OneTimeRun(false) : null;

    public void Set(CompanyStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (_removed.ContainsKey(status.CompanyId))
        {
            return; // A late report of a company that is gone: the removal's status stands.
        }

        _companies[status.CompanyId] = status;
        Changed?.Invoke(status);
        Signal();
    }

    /// <summary>Shows a company as deauthorised (unlinked here or by the cloud) with the reason, and ignores its later reports.</summary>
    public void MarkRemoved(string companyId, string reason, DateTimeOffset at)
    {
        _removed[companyId] = 0;
        _oneTime.TryRemove(companyId, out _);
        if (_companies.TryGetValue(companyId, out var last))
        {
            _companies[companyId] = last with
            {
                State = "Deauthorised",
                Work = null,
                PausedUntil = null,
                NextSyncAt = null,
                Problem = new Problem(reason, "To sync this company file again, link it again from the platform.", "deauthorised", at),
            };
        }

        Signal();
    }

    /// <summary>The company is linked (again): its reports count from now on.</summary>
    public void Linked(string companyId) => _removed.TryRemove(companyId, out _);

    public void SetOneTime(string companyId, bool oneTime)
    {
        if (_removed.ContainsKey(companyId))
        {
            return;
        }

        if (_oneTime.TryGetValue(companyId, out var before) && before == oneTime)
        {
            return;
        }

        _oneTime[companyId] = oneTime;
        Signal();
    }

    /// <summary>The one-time run is over: the connector is removing itself.</summary>
    public void MarkOneTimeFinished()
    {
        _oneTimeFinished = true;
        Signal();
    }

    public void Remove(string companyId)
    {
        _companies.TryRemove(companyId, out _);
        _oneTime.TryRemove(companyId, out _);
        Signal();
    }

    public CompanyStatus? Get(string companyId) => _companies.GetValueOrDefault(companyId);

    public IReadOnlyList<CompanyStatus> Snapshot() => _companies.Values.OrderBy(c => c.CompanyName, StringComparer.CurrentCulture).ToList();

    /// <summary>Completes at the next change after the call (or when cancelled).</summary>
    public Task WhenChangedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);

    private void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
