using QbConnector.CloudContract.V1;
using WorkAccepted = QbConnector.Engine.Companies.Events.WorkAccepted;
using WorkCompleted = QbConnector.Engine.Companies.Events.WorkCompleted;
using WorkFailed = QbConnector.Engine.Companies.Events.WorkFailed;
using SyncHours = QbConnector.Engine.Sync.Scheduling.SyncHours;
using QbConnector.Engine.Actors.Timers;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Companies.State;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Diagnostics;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Persistence.Eventsourced;
using QbConnector.Engine.Sync.Fetching;
using QbConnector.Engine.Sync.Scheduling;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Records;
using Serilog.Context;

namespace QbConnector.Engine.Companies;

/// <summary>
/// One linked company file. Takes work from the cloud, the schedule and the person; carries it
/// out window by window through the gateway; puts every page in the outbox before it counts a
/// window as done; and persists its progress as events, so after a crash it goes on with the
/// window it was in and never fetches a completed one again.
/// </summary>
public sealed partial class CompanyActor : PersistentActor, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string ScheduleTimer = "schedule";
    private static readonly TimeSpan RetryLaterDelay = TimeSpan.FromSeconds(5);

    private readonly CompanyProfile _profile;
    private readonly CompanyDependencies _deps;
    private readonly WindowPlanner _planner;
    private readonly SyncRequests _requests;
    private readonly SyncState _state = new();
    private readonly HashSet<string> _finishedWork = new(StringComparer.Ordinal);
    private SettingsChanged _settings = new([], SyncMode.Ongoing, null);
    private bool _settingsKnown;
    private Fetch? _fetch;
    private long _requestCounter;
    private Problem? _problem;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _waitingForCloud;

    /// <summary>Records of a window whose last page is stored but whose completion is not yet persisted.</summary>
    private long _unappliedRecords;

    public CompanyActor(CompanyProfile profile, CompanyDependencies deps)
    {
        _profile = profile;
        _deps = deps;
        _planner = new WindowPlanner(deps.Sync.Windows);
        _requests = new SyncRequests(deps.Sync.PageSize);

        Recover<SettingsChanged>(e =>
        {
            _settings = e;
            _settingsKnown = true;
        });
        RegisterPushHandlers();
        Recover<RecoveryCompleted>(_ =>
        {
            Log.Information("Company {Company} recovered at event {SequenceNr} with {ActiveWork} work items in progress", _profile.CompanyId, LastSequenceNr, _state.ActiveWork.Count);
            OnModesRecovered();
            PublishStatus();
            Timers.StartPeriodicTimer(ScheduleTimer, ScheduleTick.Instance, TimeSpan.FromMinutes(1));
            Self.Tell(ScheduleTick.Instance, Self);
            Advance();
            AdvancePushes();
        });
        Recover<object>(e => ApplyToState(e));

        Command<CloudCommand>(OnCloudCommand);
        Command<SyncNow>(OnSyncNow);
        Command<ScheduleTick>(_ => OnScheduleTick());
        CommandAsync<QbResponse>(OnResponseAsync);
        Command<QbFailure>(OnFailure);
        CommandAsync<FinishWork>(OnFinishWorkAsync);
        Command<OutboxCheck>(_ => OnOutboxCheck());
        Command<RetryStep>(_ =>
        {
            _fetch = null;
            Advance();
        });
        RegisterModeCommands();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>How often work blocked on something only the person can fix looks again by itself.</summary>
    private TimeSpan NeedsPersonRetry => _deps.Sync.NeedsPersonRetry;

    public override string PersistenceId => "company-" + _profile.CompanyId;

    private void OnCloudCommand(CloudCommand command)
    {
        var message = command.Message;
        switch (message.BodyCase)
        {
            case ServerMessage.BodyOneofCase.Settings:
                var settings = CloudSettings.ToEvent(message.Settings.Settings);
                if (!CloudSettings.Same(settings, _settings))
                {
                    Persist(settings, e =>
                    {
                        _settings = e;
                        _settingsKnown = true;
                        ArmOneTimeCheck();
                        PublishStatus();
                        Self.Tell(ScheduleTick.Instance, Self);
                    });
                }

                break;
            case ServerMessage.BodyOneofCase.Work when message.Work.KindCase == WorkItem.KindOneofCase.Sync:
                var work = message.Work;
                if (_finishedWork.Contains(work.WorkId) || _state.ActiveWork.Any(w => w.WorkId == work.WorkId))
                {
                    return; // The cloud offers unfinished work again after a reconnect: carried out once.
                }

                Accept(new WorkAccepted(
                    work.WorkId,
                    work.Sync.DataTypes.ToList(),
                    Full: work.Sync.Scope == SyncScope.Full,
                    Interactive: false,
                    _deps.Time.GetUtcNow()));
                break;
            case ServerMessage.BodyOneofCase.Work when message.Work.KindCase == WorkItem.KindOneofCase.Push:
                OnPushWork(message.Work);
                break;
            case ServerMessage.BodyOneofCase.Pause or ServerMessage.BodyOneofCase.Resume:
                OnCloudPauseOrResume(message);
                break;
            default:
                Log.Debug("Company {Company} ignores {Message} for now", _profile.CompanyId, message.BodyCase);
                break;
        }
    }

    private void OnSyncNow(SyncNow request)
    {
        var types = request.DataTypes is { Count: > 0 } chosen ? chosen : _settings.DataTypes.Select(d => d.DataType).ToList();
        if (types.Count == 0)
        {
            return;
        }

        Accept(new WorkAccepted("manual-" + Guid.NewGuid().ToString("N"), types, request.Full, Interactive: true, _deps.Time.GetUtcNow()));
    }

    private void OnScheduleTick()
    {
        if (_settings.Mode != SyncMode.Ongoing || IsPaused || _removing || _state.ActiveWork.Any(w => w.WorkId.StartsWith("scheduled-", StringComparison.Ordinal)))
        {
            return;
        }

        var hours = _settings.SyncHours is { } text ? SyncHours.Parse(text) : SyncHours.AllDay;
        var localNow = _deps.Time.GetLocalNow();
        if (!hours.Contains(TimeOnly.FromTimeSpan(localNow.TimeOfDay)))
        {
            return;
        }

        // Data types that never synced wait for the cloud's first-link work rather than the schedule.
        var synced = _state.LastCompleted;
        var due = SyncSchedule.Due(_settings.DataTypes.Where(d => synced.ContainsKey(d.DataType)), synced, _deps.Time.GetUtcNow());
        if (due.Count > 0)
        {
            Accept(new WorkAccepted("scheduled-" + Guid.NewGuid().ToString("N"), due, Full: false, Interactive: false, _deps.Time.GetUtcNow()));
        }
    }

    private void Accept(WorkAccepted accepted)
    {
        var unknown = accepted.DataTypes.Where(t => QbCatalog.FindByDataType(t) is null).ToList();
        Persist(accepted, e =>
        {
            ApplyToState(e);
            _deps.CloudLink.Tell(new SendBestEffort(new ClientMessage { WorkAccepted = new CloudContract.V1.WorkAccepted { WorkId = e.WorkId, CompanyId = _profile.CompanyId } }), Self);
            Log.Information("Company {Company} accepted work {WorkItem}: {DataTypes}", _profile.CompanyId, e.WorkId, e.DataTypes);
            if (unknown.Count > 0)
            {
                FailWork(e.WorkId, QbErrorClass.RequestInvalid, "unknown-data-type", $"This connector does not know the data type(s) {string.Join(", ", unknown)}.", "");
                return;
            }

            Advance();
        });
    }

    /// <summary>Takes the next step of the most urgent work, unless a request is already out.</summary>
    private void Advance()
    {
        if (_fetch is not null || IsRecovering || IsPaused || _removing || _waitingForCloud is not null)
        {
            return;
        }

        if (_deps.Outbox.PendingBytes >= _deps.Outbox.BudgetBytes && _state.ActiveWork.Count > 0)
        {
            WaitForCloud();
            return;
        }

        PublishStatus();
        var plan = Plan([]);
        StartRequest(plan);
        PersistPlan([], plan);
    }

    /// <summary>
    /// Moves on from a finished window or data type (<paramref name="leading"/>): the next request
    /// goes to QuickBooks first, then <paramref name="store"/> puts the last answer in the outbox,
    /// then the leading events and those the plan adds are persisted in one write. QuickBooks thus
    /// works on the next request while the last one is made durable; a crash in between loses
    /// only that request's answer, and the window is fetched again from the journal's state.
    /// </summary>
    private async Task ProceedAsync(IReadOnlyList<object> leading, Func<Task> store)
    {
        var plan = Plan(leading);
        _fetch = null;
        _unappliedRecords = leading.OfType<WindowCompleted>().Sum(e => e.Records);
        StartRequest(plan);
        await store();
        PersistPlan(leading, plan);
    }

    /// <summary>
    /// What follows <paramref name="leading"/>, worked out on a copy of the state: the bookkeeping
    /// events (a data type finished or begun) up to the next request, and that request's step
    /// (null when there is nothing to do, or when syncing is held).
    /// </summary>
    private AdvancePlan Plan(IReadOnlyList<object> leading)
    {
        var state = _state.Clone();
        foreach (var e in leading)
        {
            state.Apply(e);
        }

        var events = new List<object>();
        if (IsPaused || _removing || _waitingForCloud is not null || (_deps.Outbox.PendingBytes >= _deps.Outbox.BudgetBytes && state.ActiveWork.Count > 0))
        {
            return new AdvancePlan(events, null, Held: true, Reconcile: false);
        }

        while (true)
        {
            var step = state.NextStep(_planner, WholeRange);
            object? next = step switch
            {
                // QuickBooks runs on this PC: its clock is ours, in host-local time.
                SyncStep.StartDataType start => new DataTypeStarted(start.WorkId, start.DataType, start.From, Truncate(_deps.Time.GetLocalNow())),
                SyncStep.CompleteDataType complete when !NeedsFinalRequest(complete, state.Watermarks) => new DataTypeCompleted(complete.WorkId, complete.DataType, complete.Until, _deps.Time.GetUtcNow()),
                _ => null,
            };
            if (next is null)
            {
                var reconcile = step is SyncStep.CompleteDataType final && NeedsReconciliation(final, QbCatalog.GetByDataType(final.DataType), state.Watermarks);
                return new AdvancePlan(events, step, Held: false, reconcile);
            }

            state.Apply(next);
            events.Add(next);
        }
    }

    private void StartRequest(AdvancePlan plan)
    {
        switch (plan.Step)
        {
            case SyncStep.FetchWindow fetch:
                StartWindow(fetch);
                break;
            case SyncStep.CompleteDataType complete:
                StartFinalRequest(complete, plan.Reconcile);
                break;
        }
    }

    private void PersistPlan(IReadOnlyList<object> leading, AdvancePlan plan)
    {
        var events = leading.Concat(plan.Events).ToList();
        if (events.Count == 0)
        {
            AfterPlan(plan);
            return;
        }

        for (var i = 0; i < events.Count; i++)
        {
            var last = i == events.Count - 1;
            Persist(events[i], e =>
            {
                OnProgressEvent(e);
                if (last)
                {
                    AfterPlan(plan);
                }
            });
        }
    }

    private void OnProgressEvent(object e)
    {
        ApplyToState(e);
        switch (e)
        {
            case WindowCompleted:
                _unappliedRecords = 0;
                PausePoints.Reach("window.committed");
                break;
            case DataTypeCompleted completed:
                _lastSuccess = completed.CompletedAt;
                // Only records the next sync's overlap may fetch again need remembering.
                _ = _deps.Outbox.ForgetSeenBeforeAsync(_profile.CompanyId, completed.DataType, completed.Watermark - _deps.Sync.Windows.SafetyOverlap);
                break;
        }
    }

    private void AfterPlan(AdvancePlan plan)
    {
        if (plan.Held)
        {
            Advance();
            return;
        }

        switch (plan.Step)
        {
            case null:
                PublishStatus();
                ReleaseGateway();
                break;
            case SyncStep.CompleteWork done:
                PublishStatus(); // Every data type done: the bar shows whole before the work goes.
                CompleteWork(done.WorkId);
                break;
            default:
                PublishStatus();
                break;
        }
    }

    private void StartWindow(SyncStep.FetchWindow step)
    {
        var entity = QbCatalog.GetByDataType(step.DataType);
        _fetch = new Fetch(step.WorkId, entity, step.Window, PriorityOf(step.WorkId));
        switch (entity.Kind)
        {
            case QbEntityKind.Company:
                Send(_requests.Company(NextRequestId()), continuesIterator: false);
                break;
            case QbEntityKind.Report:
                _fetch.ReportPeriods = ReportPeriods(step.Window);
                SendNextReport();
                break;
            default:
                Send(_requests.WindowStart(entity, step.Window, NextRequestId()), continuesIterator: false);
                break;
        }
    }

    /// <summary>Whether finishing a data type asks QuickBooks once more: a reconciliation of ids, or the deletes since the watermark.</summary>
    private bool NeedsFinalRequest(SyncStep.CompleteDataType step, IReadOnlyDictionary<string, DateTimeOffset> watermarks)
    {
        var entity = QbCatalog.GetByDataType(step.DataType);
        return NeedsReconciliation(step, entity, watermarks) || (step.From is not null && SyncRequests.TracksDeletes(entity));
    }

    private void StartFinalRequest(SyncStep.CompleteDataType step, bool reconcile)
    {
        var entity = QbCatalog.GetByDataType(step.DataType);
        if (reconcile)
        {
            _fetch = new Fetch(step.WorkId, entity, new SyncWindow(WindowPlannerOptions.QuickBooksEpoch, step.Until), PriorityOf(step.WorkId)) { Reconcile = true, Stamp = step.Until.ToUnixTimeSeconds() };
            Log.Information("Company {Company}: reconciling every id of {DataType}, as QuickBooks' delete history may not reach back to the last sync", _profile.CompanyId, step.DataType);
            Send(_requests.IdsStart(entity, NextRequestId()), continuesIterator: false);
            return;
        }

        _fetch = new Fetch(step.WorkId, entity, new SyncWindow(step.From!.Value - _deps.Sync.Windows.SafetyOverlap, step.Until), PriorityOf(step.WorkId)) { Deletes = true };
        Send(_requests.Deleted(entity, _fetch.Window.From, _fetch.Window.To, NextRequestId()), continuesIterator: false);
    }

    private void CompleteWork(string workId)
    {
        // The durable WorkCompleted goes through the outbox (async) before the event is persisted.
        _fetch = Fetch.Finishing(workId);
        Self.Tell(new FinishWork(workId, null), Self);
    }

    private void FailWork(string workId, QbErrorClass errorClass, string code, string message, string fix)
    {
        _fetch = Fetch.Finishing(workId);
        Self.Tell(new FinishWork(workId, new QuickBooksError { ErrorClass = CloudSettings.ToContract(errorClass), StatusCode = int.TryParse(code, out var number) ? number : 0, Message = message, Fix = fix }), Self);
    }

    private async Task OnFinishWorkAsync(FinishWork finish)
    {
        var work = _state.ActiveWork.FirstOrDefault(w => w.WorkId == finish.WorkId);
        if (work is null || _removing)
        {
            _fetch = null;
            return;
        }

        var message = finish.Error is null
            ? new ClientMessage { WorkCompleted = new CloudContract.V1.WorkCompleted { WorkId = work.WorkId, CompanyId = _profile.CompanyId, RecordsSent = (ulong)work.RecordsDone } }
            : new ClientMessage { WorkFailed = new CloudContract.V1.WorkFailed { WorkId = work.WorkId, CompanyId = _profile.CompanyId, Error = finish.Error } };
        if (!work.WorkId.StartsWith("scheduled-", StringComparison.Ordinal) && !work.WorkId.StartsWith("manual-", StringComparison.Ordinal))
        {
            try
            {
                await AppendDurableAsync(work.WorkId, "", 0, message, []);
            }
            catch (OutboxFullException)
            {
                WaitForCloud();
                return;
            }
        }

        object done = finish.Error is null
            ? new WorkCompleted(work.WorkId, _deps.Time.GetUtcNow())
            : new WorkFailed(work.WorkId, CloudSettings.FromContract(finish.Error.ErrorClass), finish.Error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), finish.Error.Message, _deps.Time.GetUtcNow());
        Persist(done, e =>
        {
            ApplyToState(e);
            _finishedWork.Add(work.WorkId);
            _fetch = null;
            Log.Information("Company {Company} finished work {WorkItem}: {Outcome}", _profile.CompanyId, work.WorkId, e.GetType().Name);
            Advance();
        });
    }

    private bool WholeRange(string dataType) =>
        QbCatalog.FindByDataType(dataType) is { Kind: QbEntityKind.Company or QbEntityKind.Report };

    private GatewayPriority PriorityOf(string workId) =>
        _state.ActiveWork.FirstOrDefault(w => w.WorkId == workId)?.Interactive == true ? GatewayPriority.Interactive : GatewayPriority.Scheduled;

    private string NextRequestId() => (++_requestCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void ApplyToState(object e)
    {
        _state.Apply(e);
        ApplyModeEvent(e);
        if (e is WorkCompleted completed)
        {
            _finishedWork.Add(completed.WorkId);
        }
        else if (e is WorkFailed failed)
        {
            _finishedWork.Add(failed.WorkId);
        }
    }

    private static DateTimeOffset Truncate(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>The events <see cref="Advance"/> persists on its way to the next request, and that request's step.</summary>
    private sealed record AdvancePlan(IReadOnlyList<object> Events, SyncStep? Step, bool Held, bool Reconcile);

    private sealed record ScheduleTick
    {
        public static ScheduleTick Instance { get; } = new();
    }

    private sealed record RetryStep
    {
        public static RetryStep Instance { get; } = new();
    }

    private sealed record FinishWork(string WorkId, QuickBooksError? Error);

    private sealed record OutboxCheck
    {
        public static OutboxCheck Instance { get; } = new();
    }
}
