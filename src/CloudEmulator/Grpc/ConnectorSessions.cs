using System.Collections.Concurrent;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>
/// The open Connect streams, one per install, and the delivery of work and notices to them.
/// A connector is online exactly while its stream is registered here.
/// </summary>
internal sealed class ConnectorSessions(
    CompanyStore companies,
    DatasetStore datasets,
    PushStore pushes,
    SettingsStore settings,
    UpdateStore updates,
    TimeProvider time) : IConnectorNotifier
{
    private readonly ConcurrentDictionary<string, ConnectorSession> _byInstall = new(StringComparer.Ordinal);

    /// <summary>Registers a new stream; an older stream of the same install is ended.</summary>
    public ConnectorSession Open(string installId)
    {
        var session = new ConnectorSession(installId);
        _byInstall.AddOrUpdate(installId, session, (_, older) =>
        {
            older.End(new Status(StatusCode.Aborted, "A newer Connect stream of this install replaced this one."));
            return session;
        });
        return session;
    }

    public void Close(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _byInstall.TryRemove(KeyValuePair.Create(session.InstallId, session));
    }

    /// <summary>Ends every stream, as the emulator stops.</summary>
    public void EndAll()
    {
        foreach (var session in _byInstall.Values)
        {
            session.End(new Status(StatusCode.Unavailable, "The cloud is shutting down; reconnect later."));
        }

        _byInstall.Clear();
    }

    public bool IsOnline(string? installId) => installId is not null && _byInstall.ContainsKey(installId);

    /// <summary>Settings, pause state, the latest update and all unfinished work, for a fresh stream.</summary>
    public void Welcome(ConnectorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var company in companies.ForInstall(session.InstallId).Where(c => c.LinkState == CompanyLinkState.Linked))
        {
            session.Send(new ServerMessage { Settings = new CompanySettings { CompanyId = company.Id, Settings = ContractMapping.ToContract(settings.Effective(company.Id)) } });
            if (IsPaused(company))
            {
                session.Send(PauseMessage(company.Id, company.PausedUntil));
            }
        }

        if (updates.Latest() is { } update)
        {
            session.Send(new ServerMessage { UpdateAvailable = ContractMapping.ToContract(update) });
        }

        foreach (var company in companies.ForInstall(session.InstallId))
        {
            OfferWork(session, company.Id);
        }
    }

    /// <summary>Sends the company's unfinished work not yet offered on this stream, oldest first.</summary>
    public void OfferWork(ConnectorSession session, string companyId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var company = companies.Get(companyId);
        if (company is null || company.LinkState != CompanyLinkState.Linked || company.InstallId != session.InstallId || IsPaused(company))
        {
            return;
        }

        foreach (var dataset in datasets.Unfinished(companyId))
        {
            if (session.TryOffer(dataset.Id))
            {
                session.Send(new ServerMessage { Work = ContractMapping.ToWork(dataset) });
            }
        }

        foreach (var push in pushes.Pending(companyId))
        {
            if (session.TryOffer(push.Id))
            {
                session.Send(new ServerMessage { Work = ContractMapping.ToWork(push) });
            }
        }
    }

    public void WorkQueued(string companyId)
    {
        if (SessionOf(companyId) is { } session)
        {
            OfferWork(session, companyId);
        }
    }

    public void SettingsChanged(string? companyId)
    {
        var targets = companyId is null ? companies.List() : companies.Get(companyId) is { } one ? [one] : [];
        foreach (var company in targets.Where(c => c.LinkState == CompanyLinkState.Linked))
        {
            if (SessionOf(company.Id) is { } session)
            {
                session.Send(new ServerMessage { Settings = new CompanySettings { CompanyId = company.Id, Settings = ContractMapping.ToContract(settings.Effective(company.Id)) } });
            }
        }
    }

    public void Paused(string companyId, DateTimeOffset? until) => SessionOf(companyId)?.Send(PauseMessage(companyId, until));

    public void Resumed(string companyId)
    {
        if (SessionOf(companyId) is { } session)
        {
            session.Send(new ServerMessage { Resume = new Resume { CompanyId = companyId } });
            OfferWork(session, companyId);
        }
    }

    public void Deauthorised(string companyId, string? installId)
    {
        if (installId is not null && _byInstall.TryGetValue(installId, out var session))
        {
            session.Send(new ServerMessage { Deauthorise = new Deauthorise { CompanyId = companyId, Reason = "The company was deauthorised on the platform." } });
        }
    }

    public void UpdatePublished()
    {
        if (updates.Latest() is not { } update)
        {
            return;
        }

        foreach (var session in _byInstall.Values)
        {
            session.Send(new ServerMessage { UpdateAvailable = ContractMapping.ToContract(update) });
        }
    }

    private bool IsPaused(Company company) => company.Paused && (company.PausedUntil is not { } until || until > time.GetUtcNow());

    private ConnectorSession? SessionOf(string companyId) =>
        companies.Get(companyId) is { InstallId: { } installId } && _byInstall.TryGetValue(installId, out var session) ? session : null;

    private static ServerMessage PauseMessage(string companyId, DateTimeOffset? until)
    {
        var pause = new Pause { CompanyId = companyId, Reason = "Paused on the platform." };
        if (until is { } u)
        {
            pause.Until = ContractMapping.ToTimestamp(u);
        }

        return new ServerMessage { Pause = pause };
    }
}
