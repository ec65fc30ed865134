using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Persistence.Snapshots;

namespace QbConnector.Engine.Companies;

/// <summary>
/// The end of a company's link on this PC (unlinked by the person, deauthorised by the cloud, or
/// a one-time sync that is done): in-flight work stops, the pages not yet sent are dropped, and
/// the company's events are deleted. And, in one-time mode, noticing that the sync is done.
/// </summary>
public sealed partial class CompanyActor
{
    private const string FinishingCorrelation = "finishing";
    private const string OneTimeTimer = "one-time-check";
    private static readonly TimeSpan OneTimeCheckInterval = TimeSpan.FromSeconds(2);
    private bool _removing;
    private bool _cloudWorkCompleted;
    private bool _oneTimeReported;

    private void RegisterRemovalCommands()
    {
        CommandAsync<StopForRemoval>(_ => StopForRemovalAsync(Sender));
        CommandAsync<OneTimeCheck>(_ => CheckOneTimeDoneAsync());
    }

    private async Task StopForRemovalAsync(IActorRef replyTo)
    {
        _removing = true;
        Timers.CancelAll();
        _deps.Gateway.Tell(new CancelRequests(_profile.CompanyFile), Self);
        _fetch = null;
        await _deps.Outbox.DeleteCompanyAsync(_profile.CompanyId);
        var persistence = PersistenceExtension.Get(Context.System);
        await persistence.Journal.DeleteMessagesToAsync(PersistenceId, LastSequenceNr);
        await persistence.SnapshotStore.DeleteAsync(PersistenceId, SnapshotSelectionCriteria.Latest);
        Log.Information("Company {Company}: work stopped, unsent pages and events deleted", _profile.CompanyId);
        replyTo.Tell(new CompanyStopped(_profile.CompanyId), Self);
    }

    private void ArmOneTimeCheck()
    {
        if (_settings.Mode == SyncMode.OneTime && !_oneTimeReported && !_removing)
        {
            if (!Timers.IsTimerActive(OneTimeTimer))
            {
                Timers.StartPeriodicTimer(OneTimeTimer, OneTimeCheck.Instance, OneTimeCheckInterval);
            }
        }
        else
        {
            Timers.Cancel(OneTimeTimer);
        }
    }

    /// <summary>Done when cloud work has completed, none is left, and the cloud has acknowledged every page.</summary>
    private async Task CheckOneTimeDoneAsync()
    {
        if (_settings.Mode != SyncMode.OneTime || _oneTimeReported || _removing || !_cloudWorkCompleted || _state.ActiveWork.Count > 0 || _fetch is not null)
        {
            return;
        }

        if (await _deps.Outbox.CountPendingAsync(_profile.CompanyId) > 0)
        {
            return;
        }

        _oneTimeReported = true;
        Timers.Cancel(OneTimeTimer);
        Log.Information("Company {Company}: the one-time sync is complete and acknowledged", _profile.CompanyId);
        Context.System.EventStream.Publish(new OneTimeSyncDone(_profile.CompanyId));
    }

    private sealed record OneTimeCheck
    {
        public static OneTimeCheck Instance { get; } = new();
    }
}
