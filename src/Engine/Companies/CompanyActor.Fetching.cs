using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Companies.State;
using QbConnector.Engine.Diagnostics;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Outbox;
using QbConnector.Engine.Sync.Fetching;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Companies;

public sealed partial class CompanyActor
{
    private const int IteratorLost = 3391;
    private bool _followUpPromised;
    private readonly ProgressMeter _progress = new();
    private const string OutboxTimer = "outbox";
    private static readonly TimeSpan OutboxCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every request of a sync is followed by another (the next page, window, data type or work
    /// item) until <see cref="Advance"/> finds nothing left, so the gateway keeps the company file
    /// open for it rather than switching files between two requests; <see cref="ReleaseGateway"/>
    /// ends that wait.
    /// </summary>
    private void Send(string requestXml, bool continuesIterator)
    {
        var fetch = _fetch!;
        fetch.CorrelationId = $"{fetch.WorkId}#{_requestCounter}";
        _followUpPromised = true;
        _deps.Gateway.Tell(new QbRequest(_profile.CompanyFile, fetch.Priority, requestXml, fetch.CorrelationId, continuesIterator, FollowUpExpected: true), Self);
    }

    /// <summary>Nothing more to ask QuickBooks for now: other company files need not wait for this one.</summary>
    private void ReleaseGateway()
    {
        if (_followUpPromised)
        {
            _followUpPromised = false;
            _deps.Gateway.Tell(new NoFollowUp(_profile.CompanyFile), Self);
        }
    }

    private async Task OnResponseAsync(QbResponse response)
    {
        var fetch = _fetch;
        if (fetch is null || response.CorrelationId != fetch.CorrelationId)
        {
            return; // An answer to a request this actor has given up on (restart, retry).
        }

        try
        {
            await HandleResponseAsync(fetch, response);
        }
        catch (OutboxFullException)
        {
            // The window is fetched again once there is room; its pages stored so far are not sent twice.
            WaitForCloud();
        }
    }

    private async Task HandleResponseAsync(Fetch fetch, QbResponse response)
    {
        using var answer = OpenAnswer(fetch, response);
        if (answer is null)
        {
            return;
        }

        var header = answer.Header;
        if (header.StatusCode == IteratorLost && fetch.Reconcile)
        {
            Log.Information("Company {Company}: iterator lost while reconciling {DataType}; starting the pass again", _profile.CompanyId, fetch.Entity.DataType);
            Send(_requests.IdsStart(fetch.Entity, NextRequestId()), continuesIterator: false);
            return;
        }

        if (header.StatusCode == IteratorLost && !fetch.Deletes)
        {
            // The session moved to another company file and the iterator died with it: fetch the window again.
            Log.Information("Company {Company}: iterator lost in {DataType} {Window}; fetching the window again", _profile.CompanyId, fetch.Entity.DataType, fetch.Window);
            fetch.Records = 0;
            Send(_requests.WindowStart(fetch.Entity, fetch.Window, NextRequestId()), continuesIterator: false);
            return;
        }

        var status = header.Status;
        if (status.IsError)
        {
            if (status.ErrorClass == QbErrorClass.RetryLater)
            {
                Log.Information("Company {Company}: QuickBooks says {Status}; trying the window again shortly", _profile.CompanyId, status.Name);
                ReleaseGateway();
                Timers.StartSingleTimer(RetryTimer, RetryStep.Instance, RetryLaterDelay);
                return;
            }

            FailWork(fetch.WorkId, status.ErrorClass!.Value, header.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), header.StatusMessage ?? status.PlainMessage, status.Fix);
            return;
        }

        ClearProblem();
        var windowed = fetch.Entity.Kind is not (QbEntityKind.Company or QbEntityKind.Report) && !fetch.Reconcile && !fetch.Deletes;
        var more = windowed && answer.Remaining > 0 && header.IteratorId is not null;
        if (more)
        {
            // Ask for the next page before reading and storing this one: QuickBooks answers it meanwhile.
            Send(_requests.WindowContinue(fetch.Entity, fetch.Window, NextRequestId(), header.IteratorId!), continuesIterator: true);
        }

        if (ReadAnswer(fetch, answer) is not { } page)
        {
            return;
        }

        switch (fetch.Entity.Kind)
        {
            case QbEntityKind.Company:
                await CompleteWindowAsync(fetch, page.Records.Select(r => (r, (string?)"company")).ToList());
                break;
            case QbEntityKind.Report:
                var period = fetch.ReportPeriods![fetch.ReportIndex];
                var key = $"{fetch.Entity.ReportType}:{period.From:yyyy-MM-dd}:{period.To:yyyy-MM-dd}";
                var rows = page.Records.Select(r => (r, (string?)key)).ToList();
                fetch.ReportIndex++;
                if (fetch.ReportIndex < fetch.ReportPeriods.Count)
                {
                    SendNextReport();
                    await StoreAsync(fetch, rows);
                }
                else
                {
                    await CompleteWindowAsync(fetch, rows);
                }

                break;
            default:
                if (fetch.Reconcile)
                {
                    await ReconcilePageAsync(fetch, page);
                    return;
                }

                if (fetch.Deletes)
                {
                    await ProceedAsync([DataTypeDone(fetch)], () => StoreDeletedAsync(fetch, page.Deleted));
                    return;
                }

                _progress.PageArrived(fetch.WorkId, fetch.Entity.DataType, fetch.Window, fetch.Records + page.Records.Count, more ? page.Remaining : 0);
                PausePoints.Reach("page.fetched");
                var records = page.Records.Select(r => (r, r.Id)).ToList();
                if (more)
                {
                    await StoreAsync(fetch, records);
                }
                else
                {
                    await CompleteWindowAsync(fetch, records);
                }

                break;
        }
    }

    /// <summary>The answer's header, or null when it cannot be read (the work item has then failed).</summary>
    private FetchedPageReader? OpenAnswer(Fetch fetch, QbResponse response)
    {
        try
        {
            return FetchedPageReader.Open(response.ResponseXml);
        }
        catch (QbResponseFormatException ex)
        {
            FailUnreadable(fetch, ex);
            return null;
        }
    }

    /// <summary>The answer's records, or null when one cannot be read (the work item has then failed).</summary>
    private FetchedPage? ReadAnswer(Fetch fetch, FetchedPageReader answer)
    {
        try
        {
            return answer.ReadPage();
        }
        catch (QbResponseFormatException ex)
        {
            // A request for the next page may be on its way; failing the work gives its answer no taker.
            FailUnreadable(fetch, ex);
            return null;
        }
    }

    private void FailUnreadable(Fetch fetch, QbResponseFormatException ex)
    {
        Log.Error(ex, "Company {Company}: QuickBooks' answer for {DataType} could not be read", _profile.CompanyId, fetch.Entity.DataType);
        FailWork(fetch.WorkId, QbErrorClass.RequestInvalid, "response-format", "QuickBooks sent an answer the connector could not read.", "");
    }

    private void OnFailure(QbFailure failure)
    {
        var fetch = _fetch;
        if (fetch is null || failure.CorrelationId != fetch.CorrelationId)
        {
            return;
        }

        var error = failure.Error;
        if (error.ErrorClass == QbErrorClass.RequestInvalid)
        {
            FailWork(fetch.WorkId, QbErrorClass.RequestInvalid, error.HResultHex, error.PlainMessage, error.Fix);
            return;
        }

        // Only the person can fix this: say so, and look again by itself until it is fixed.
        if (_problem?.Code != error.HResultHex)
        {
            Log.Warning("Company {Company} needs the person: {Problem} {Fix}", _profile.CompanyId, error.PlainMessage, error.Fix);
            _problem = new Problem(error.PlainMessage, error.Fix, error.HResultHex, _deps.Time.GetUtcNow());
            _deps.CloudLink.Tell(new SendBestEffort(new ClientMessage
            {
                Health = new ConnectorHealth
                {
                    LastErrors =
                    {
                        new HealthError
                        {
                            CompanyId = _profile.CompanyId,
                            Error = new QuickBooksError { ErrorClass = ErrorClass.NeedsPerson, StatusCode = error.HResult, Message = error.PlainMessage, Fix = error.Fix },
                            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(_deps.Time.GetUtcNow()),
                        },
                    },
                },
            }), Self);
        }

        PublishStatus();
        ReleaseGateway();
        Timers.StartSingleTimer(RetryTimer, RetryStep.Instance, NeedsPersonRetry);
    }

    /// <summary>The window's last answer: what comes next is asked for before this page is stored and the window persisted as done.</summary>
    private Task CompleteWindowAsync(Fetch fetch, IReadOnlyList<(QbRecord Record, string? Id)> lastPage) =>
        ProceedAsync(
            [new WindowCompleted(fetch.WorkId, fetch.Entity.DataType, fetch.Window.From, fetch.Window.To, fetch.Records + lastPage.Count)],
            () => StoreAsync(fetch, lastPage));

    private DataTypeCompleted DataTypeDone(Fetch fetch) =>
        new(fetch.WorkId, fetch.Entity.DataType, fetch.Window.To, _deps.Time.GetUtcNow());

    private void SendNextReport()
    {
        var fetch = _fetch!;
        var (from, to) = fetch.ReportPeriods![fetch.ReportIndex];
        Send(_requests.Report(fetch.Entity, from, to, NextRequestId()), continuesIterator: false);
    }

    /// <summary>Three-month periods: the last few quarters for a first sync, those the range touches after that.</summary>
    private List<(DateOnly From, DateOnly To)> ReportPeriods(SyncWindow window)
    {
        static DateOnly QuarterStart(DateOnly d) => new(d.Year, ((d.Month - 1) / 3 * 3) + 1, 1);
        var last = QuarterStart(DateOnly.FromDateTime(window.To.DateTime));
        var first = window.From <= WindowPlannerOptions.QuickBooksEpoch
            ? last.AddMonths(-3 * (_deps.Sync.ReportQuarters - 1))
            : QuarterStart(DateOnly.FromDateTime(window.From.DateTime));
        var periods = new List<(DateOnly, DateOnly)>();
        for (var start = first; start <= last; start = start.AddMonths(3))
        {
            periods.Add((start, start.AddMonths(3).AddDays(-1)));
        }

        return periods;
    }

    private async Task StoreAsync(Fetch fetch, IReadOnlyList<(QbRecord Record, string? Id)> records)
    {
        fetch.Records += records.Count;
        if (records.Count == 0)
        {
            return;
        }

        var keyed = records
            .Select(r => (r.Record, Key: new OutboxRecordKey(r.Id ?? "", r.Record.EditSequence ?? "", r.Record.TimeModifiedValue ?? default)))
            .ToList();
        if (fetch.Entity.Kind is QbEntityKind.List or QbEntityKind.Transaction)
        {
            await _deps.Outbox.ConfirmKnownAsync(_profile.CompanyId, fetch.Entity.DataType, keyed.Select(k => k.Key.Id).Where(id => id.Length > 0).ToList(), StampOf(fetch));
        }

        var seen = fetch.Entity.Kind is QbEntityKind.List or QbEntityKind.Transaction
            ? await _deps.Outbox.FindSeenAsync(_profile.CompanyId, fetch.Entity.DataType, keyed.Select(k => k.Key))
            : new HashSet<OutboxRecordKey>();
        var fresh = keyed.Where(k => !seen.Contains(k.Key)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var encoded = fresh.Select(k =>
        {
            var record = RecordEncoder.Encode(k.Record);
            record.Id = k.Key.Id;
            return record;
        }).ToList();
        var page = DataPageBuilder.Build(_profile.CompanyId, CloudWorkId(fetch.WorkId), fetch.Entity.DataType, encoded);
        var keys = fetch.Entity.Kind is QbEntityKind.List or QbEntityKind.Transaction ? fresh.Select(k => k.Key).ToList() : [];
        await AppendDurableAsync(fetch.WorkId, fetch.Entity.DataType, fresh.Count, page, keys);
        var work = _state.ActiveWork.FirstOrDefault(w => w.WorkId == fetch.WorkId);
        if (work is not null)
        {
            _deps.CloudLink.Tell(new SendBestEffort(new ClientMessage
            {
                WorkProgress = new CloudContract.V1.WorkProgress
                {
                    WorkId = CloudWorkId(work.WorkId),
                    CompanyId = _profile.CompanyId,
                    RecordsDone = (ulong)(work.RecordsDone + fetch.Records),
                    DataTypesDone = (uint)work.CompletedDataTypes.Count,
                    DataTypesTotal = (uint)work.DataTypes.Count,
                    CurrentDataType = fetch.Entity.DataType,
                },
            }), Self);
        }

        PublishStatus();
    }

    private async Task StoreDeletedAsync(Fetch fetch, IReadOnlyList<QbDeletedRecord> deleted)
    {
        if (deleted.Count == 0)
        {
            return;
        }

        var page = DataPageBuilder.Build(_profile.CompanyId, CloudWorkId(fetch.WorkId), fetch.Entity.DataType, deleted.Select(RecordEncoder.EncodeDeleted).ToList());
        await AppendDurableAsync(fetch.WorkId, fetch.Entity.DataType, deleted.Count, page, [], deleted.Select(d => d.Id).ToList());
    }

    /// <summary>
    /// One page of a reconciliation pass: its ids are confirmed as existing; once the pass is
    /// complete, every known id it did not confirm was deleted in QuickBooks and is sent as deleted.
    /// </summary>
    private async Task ReconcilePageAsync(Fetch fetch, FetchedPage page)
    {
        var more = page.Remaining > 0 && page.Header.IteratorId is not null;
        if (more)
        {
            Send(_requests.IdsContinue(fetch.Entity, NextRequestId(), page.Header.IteratorId!), continuesIterator: true);
        }

        await _deps.Outbox.ConfirmKnownAsync(_profile.CompanyId, fetch.Entity.DataType, page.Records.Select(r => r.Id).OfType<string>().Where(id => id.Length > 0).ToList(), fetch.Stamp);
        if (more)
        {
            return;
        }

        await ProceedAsync([DataTypeDone(fetch)], () => SendVanishedAsDeletedAsync(fetch));
    }

    /// <summary>The end of a reconciliation pass: every known id it did not confirm is sent as deleted.</summary>
    private async Task SendVanishedAsDeletedAsync(Fetch fetch)
    {
        var gone = await _deps.Outbox.UnconfirmedAsync(_profile.CompanyId, fetch.Entity.DataType, fetch.Stamp);
        var transaction = fetch.Entity.Kind == QbEntityKind.Transaction;
        // Which of several list types (item variants) a vanished id was is no longer known.
        var delType = transaction ? fetch.Entity.TxnDelType! : fetch.Entity.ListDelTypes.Count == 1 ? fetch.Entity.ListDelTypes[0] : "";
        var deletedAt = Truncate(_deps.Time.GetLocalNow()).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var chunk in gone.Chunk(_deps.Sync.PageSize))
        {
            var records = chunk.Select(id => new QbDeletedRecord(fetch.Entity.DataType, delType, id, null, deletedAt, null, transaction)).ToList();
            var message = DataPageBuilder.Build(_profile.CompanyId, CloudWorkId(fetch.WorkId), fetch.Entity.DataType, records.Select(RecordEncoder.EncodeDeleted).ToList());
            await AppendDurableAsync(fetch.WorkId, fetch.Entity.DataType, records.Count, message, [], chunk);
        }

        if (gone.Count > 0)
        {
            Log.Information("Company {Company}: {Count} {DataType} records no longer in QuickBooks were sent as deleted", _profile.CompanyId, gone.Count, fetch.Entity.DataType);
        }
    }

    /// <summary>
    /// Whether finishing this data type needs a full reconciliation of ids: a full sync of a data
    /// type synced before (records deleted since are absent from its pages, not reported), or an
    /// incremental one whose watermark is older than QuickBooks' delete history reaches.
    /// </summary>
    private bool NeedsReconciliation(SyncStep.CompleteDataType step, QbEntity entity, IReadOnlyDictionary<string, DateTimeOffset> watermarks)
    {
        if (entity.Kind is not (QbEntityKind.List or QbEntityKind.Transaction))
        {
            return false;
        }

        if (step.From is not { } from)
        {
            return watermarks.ContainsKey(step.DataType);
        }

        // A day's margin for QuickBooks' host-local clock and its daylight-saving-blind offsets.
        var reach = _deps.Sync.DeletedHistory - TimeSpan.FromDays(1);
        return _deps.Time.GetUtcNow() - (from - _deps.Sync.Windows.SafetyOverlap) > reach;
    }

    private long StampOf(Fetch fetch) =>
        fetch.Stamp != 0 ? fetch.Stamp : _state.ActiveWork.FirstOrDefault(w => w.WorkId == fetch.WorkId)?.Current?.Until.ToUnixTimeSeconds() ?? _deps.Time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The outbox is at its budget (the cloud has not taken pages for a while): pause syncing and say so.</summary>
    private void WaitForCloud()
    {
        _fetch = null;
        _unappliedRecords = 0; // The window whose last page could not be stored is fetched again.
        ReleaseGateway();
        if (_waitingForCloud is null)
        {
            _waitingForCloud = _deps.Time.GetUtcNow();
            Log.Warning("Company {Company}: syncing paused, the outbox holds {Pending} bytes waiting for the cloud (budget {Budget})", _profile.CompanyId, _deps.Outbox.PendingBytes, _deps.Outbox.BudgetBytes);
            PublishStatus();
        }

        Timers.StartSingleTimer(OutboxTimer, OutboxCheck.Instance, OutboxCheckInterval);
    }

    private void OnOutboxCheck()
    {
        // Resume only with room for more than a page or two, so a slow link does not make syncing flicker.
        if (_deps.Outbox.PendingBytes > _deps.Outbox.BudgetBytes * 3 / 4)
        {
            Timers.StartSingleTimer(OutboxTimer, OutboxCheck.Instance, OutboxCheckInterval);
            return;
        }

        Log.Information("Company {Company}: the cloud has taken the waiting pages; syncing goes on", _profile.CompanyId);
        _waitingForCloud = null;
        PublishStatus();
        Advance();
    }

    private static string DescribeBytes(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GB" : bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.#} MB" : $"{Math.Max(1, bytes / 1024):0} KB";

    private async Task AppendDurableAsync(string workId, string dataType, int records, ClientMessage message, IReadOnlyList<OutboxRecordKey> keys, IReadOnlyList<string>? deletedIds = null)
    {
        await _deps.Outbox.AppendAsync(new NewOutboxPage(_profile.CompanyId, workId, dataType, records, message.ToByteArray()) { Keys = keys, DeletedIds = deletedIds ?? [] });
        PausePoints.Reach("page.stored");
        _deps.CloudLink.Tell(new OutboxChanged(_profile.CompanyId), Self);
    }

    /// <summary>Work the connector started itself (schedule, manual) is unknown to the cloud: its pages carry no work id.</summary>
    private static string CloudWorkId(string workId) =>
        workId.StartsWith("scheduled-", StringComparison.Ordinal) || workId.StartsWith("manual-", StringComparison.Ordinal) ? "" : workId;

    private void ClearProblem()
    {
        if (_problem is not null)
        {
            Log.Information("Company {Company}: the problem '{Problem}' has cleared", _profile.CompanyId, _problem.Message);
            _problem = null;
            PublishStatus();
        }
    }

    private void PublishStatus()
    {
        var work = _state.ActiveWork.OrderBy(w => w.Interactive ? 0 : 1).ThenBy(w => w.AcceptedAt).FirstOrDefault();
        var current = work is null ? null : _progress.Report(work, _state.ActiveWork, _unappliedRecords + (_fetch is { } f && f.WorkId == work.WorkId ? f.Records : 0));
        // Until the cloud's first-link work has run, the company is still being linked, not "up to date".
        var awaitingFirstLink = _finishedWork.Count == 0 && (!_settingsKnown || _settings.DataTypes.Any(d => d.FetchOnFirstLink));
        var state = _problem is not null ? "NeedsAttention" : _waitingForCloud is not null ? "Paused" : work is not null ? "Syncing" : awaitingFirstLink ? "Linking" : "Linked";
        var problem = _problem ?? (_waitingForCloud is { } since
            ? new Problem(
                $"Syncing has paused: {DescribeBytes(_deps.Outbox.PendingBytes)} of fetched data is waiting to be sent, and the cloud cannot be reached.",
                "Check that this PC is connected to the internet. Syncing goes on by itself once the waiting data has been sent.",
                "waiting-for-cloud",
                since)
            : null);
        if (_removing)
        {
            return;
        }

        _deps.Status.Set(WithModes(new CompanyStatus(
            _profile.CompanyId,
            _profile.CompanyName,
            _profile.CompanyFile,
            state,
            current,
            new Dictionary<string, DateTimeOffset>(_state.LastCompleted),
            null,
            problem,
            new Control.Contracts.Branding(_profile.PlatformName, _profile.LogoDataUrl, _profile.ColourHex))));
    }

    /// <summary>The request out at QuickBooks (or the finishing of a work item) and what it has brought so far.</summary>
    private sealed class Fetch(string workId, QbEntity entity, SyncWindow window, GatewayPriority priority)
    {
        public string WorkId { get; } = workId;

        public QbEntity Entity { get; } = entity;

        public SyncWindow Window { get; } = window;

        public GatewayPriority Priority { get; } = priority;

        public bool Deletes { get; init; }

        /// <summary>A pass over every id of the data type, to find deletes QuickBooks no longer reports.</summary>
        public bool Reconcile { get; init; }

        /// <summary>The pass the fetched ids are confirmed under (its upper bound, Unix seconds); 0: the work's current data type.</summary>
        public long Stamp { get; init; }

        public string? CorrelationId { get; set; }

        public int Records { get; set; }

        public List<(DateOnly From, DateOnly To)>? ReportPeriods { get; set; }

        public int ReportIndex { get; set; }

        public static Fetch Finishing(string workId) => new(workId, QbCatalog.Company, default, GatewayPriority.Scheduled) { CorrelationId = "finishing" };
    }
}
