using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;

namespace QbConnector.TrayUi.Tests.Support;

/// <summary>
/// A stand-in engine behind the real control API: commands change its companies as the engine
/// would, and the test moves companies through their states; each change is signalled so the
/// live stream carries it at once.
/// </summary>
internal sealed class ScriptedEngine : IEngineControl
{
    public static readonly Branding Ledgerly = new(
        "Ledgerly",
        "data:image/svg+xml;base64," + Convert.ToBase64String("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' rx='2' fill='#0a7d5a'/></svg>"u8.ToArray()),
        "#0a7d5a");

    private readonly Lock _gate = new();
    private readonly List<CompanyStatus> _companies = [];
    private readonly List<string> _calls = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OneTimeRun? _oneTime;
    private int _next;

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public OneTimeRun? OneTime
    {
        set => Change(() => _oneTime = value);
    }

    public CompanyStatus Add(string name, string state = "Linked", IReadOnlyDictionary<string, DateTimeOffset>? lastSyncs = null)
    {
        CompanyStatus company = null!;
        Change(() =>
        {
            company = new CompanyStatus($"c{++_next}", name, $"C:\\Books\\{name}.QBW", state, null, lastSyncs ?? new Dictionary<string, DateTimeOffset>(), null, null, Ledgerly);
            _companies.Add(company);
        });
        return company;
    }

    public void Update(string companyId, Func<CompanyStatus, CompanyStatus> change) => Change(() =>
    {
        var i = _companies.FindIndex(c => c.CompanyId == companyId);
        _companies[i] = change(_companies[i]);
    });

    public Task<EngineStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new EngineStatus("0.1.0", true, [.. _companies], _oneTime));
        }
    }

    public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken cancellationToken)
    {
        if (request.LicenceKey == "unknown-key")
        {
            throw new ControlException(404, "Ledgerly does not know that licence key. Copy it again from Ledgerly.");
        }

        string id = "";
        Change(() =>
        {
            _calls.Add($"link {request.LicenceKey} {request.CompanyFile} {request.Region}");
            id = $"c{++_next}";
            _companies.Add(new CompanyStatus(id, Path.GetFileNameWithoutExtension(request.CompanyFile), request.CompanyFile, "Linking", null, new Dictionary<string, DateTimeOffset>(), null, null, Ledgerly));
        });
        return Task.FromResult(new CommandResult("Linking started.", id));
    }

    public Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        Record($"sync {request.CompanyId ?? "all"}");
        return Task.FromResult(new CommandResult("Sync queued."));
    }

    public Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken cancellationToken)
    {
        Change(() =>
        {
            _calls.Add($"pause {request.CompanyId ?? "all"} {request.For}");
            for (var i = 0; i < _companies.Count; i++)
            {
                if (request.CompanyId is null || _companies[i].CompanyId == request.CompanyId)
                {
                    _companies[i] = _companies[i] with { State = "Paused", PausedUntil = DateTimeOffset.UtcNow + request.For };
                }
            }
        });
        return Task.FromResult(new CommandResult("Paused."));
    }

    public Task<CommandResult> ResumeAsync(string? companyId, CancellationToken cancellationToken)
    {
        Change(() =>
        {
            _calls.Add($"resume {companyId ?? "all"}");
            for (var i = 0; i < _companies.Count; i++)
            {
                if (companyId is null || _companies[i].CompanyId == companyId)
                {
                    _companies[i] = _companies[i] with { State = "Linked", PausedUntil = null };
                }
            }
        });
        return Task.FromResult(new CommandResult("Resumed."));
    }

    public Task<CommandResult> UnlinkAsync(string companyId, CancellationToken cancellationToken)
    {
        Change(() =>
        {
            _calls.Add($"unlink {companyId}");
            _companies.RemoveAll(c => c.CompanyId == companyId);
        });
        return Task.FromResult(new CommandResult("Removed."));
    }

    public Task StatusChangedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<LicenceInfo> DescribeLicenceAsync(string licenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(new LicenceInfo(licenceKey, Ledgerly));

    private void Record(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
