using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Gateway.Messages;
using QbConnector.Engine.Gateway.Scheduling;
using QbConnector.Engine.Pushes;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Qbxml.Requests;
using QbRequest = QbConnector.Engine.Gateway.Messages.QbRequest;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.Engine.Sync.Fetching;

namespace QbConnector.Engine.Companies;

/// <summary>
/// Pushes: records the cloud asks to write to QuickBooks, exactly once. A push is persisted
/// before the cloud is told, checked before QuickBooks sees it, and marked as maybe-sent before
/// its write goes out with the push's message set id. Whenever a maybe-sent push has no recorded
/// outcome (a crash, a lost answer), QuickBooks is asked for the outcome it stored under that id
/// before anything is sent again; the outcome is recorded, then cleared in QuickBooks, then put in
/// the durable outbox for the cloud. Pushes go one at a time, ahead of scheduled syncs.
/// </summary>
public sealed partial class CompanyActor
{
    private const string PushCorrelationPrefix = "push:";
    private const string PushRetryTimer = "push-retry";
    private static readonly TimeSpan PushRetryDelay = TimeSpan.FromSeconds(5);

    private readonly PushBook _pushes = new();
    private PushStep? _pushStep;

    private enum PushStage
    {
        CheckReferences,
        Write,
        Recover,
        CurrentRecord,
        Reporting,
    }

    /// <summary>Registers the push events and commands; called before the sync's own handlers, which take everything else.</summary>
    private void RegisterPushHandlers()
    {
        Recover<PushAccepted>(e => _pushes.Apply(e));
        Recover<PushSending>(e => _pushes.Apply(e));
        Recover<PushOutcomeRecorded>(e => _pushes.Apply(e));
        Recover<PushReported>(e => _pushes.Apply(e));
        Command<QbResponse>(r => IsPushCorrelation(r.CorrelationId), OnPushResponse);
        Command<QbFailure>(f => IsPushCorrelation(f.CorrelationId), OnPushFailure);
        Command<PushRetry>(_ =>
        {
            _pushStep = null;
            AdvancePushes();
        });
        CommandAsync<ReportPush>(OnReportPushAsync);
    }

    private static bool IsPushCorrelation(string correlationId) => correlationId.StartsWith(PushCorrelationPrefix, StringComparison.Ordinal);

    /// <summary>A push from the cloud: kept durably before the cloud hears it was accepted; a push seen before is ignored.</summary>
    private void OnPushWork(WorkItem work)
    {
        var push = work.Push;
        var pushId = string.IsNullOrEmpty(push.PushId) ? work.WorkId : push.PushId;
        if (string.IsNullOrEmpty(pushId) || _pushes.Knows(pushId))
        {
            return; // Offered again after a reconnect: its result is in the outbox or on its way.
        }

        var action = push.Operation == PushOperation.Mod || (push.Operation == PushOperation.Unspecified && push.RecordId.Length > 0)
            ? PushAction.Mod
            : PushAction.Add;
        var (json, refusal) = PushPlanner.Receive(push.RecordJson.Span);
        var accepted = new PushAccepted(
            work.WorkId,
            pushId,
            push.DataType,
            action,
            json,
            push.RecordId.Length > 0 ? push.RecordId : null,
            push.EditSequence.Length > 0 ? push.EditSequence : null,
            _deps.Time.GetUtcNow(),
            refusal);
        Persist(accepted, e =>
        {
            _pushes.Apply(e);
            _deps.CloudLink.Tell(new SendBestEffort(new ClientMessage { WorkAccepted = new CloudContract.V1.WorkAccepted { WorkId = e.WorkId, CompanyId = _profile.CompanyId } }), Self);
            Log.Information("Company {Company} accepted push {PushId}: {Action} of {DataType}", _profile.CompanyId, e.PushId, e.Action, e.DataType);
            AdvancePushes();
        });
    }

    /// <summary>Takes the next step of the oldest open push, unless one of its requests is already out.</summary>
    private void AdvancePushes()
    {
        if (IsRecovering || _removing || _pushStep is not null || _pushes.Next is not { } push)
        {
            return;
        }

        if (push.Outcome is not null)
        {
            // Recorded before a crash: make sure QuickBooks forgets it, then tell the cloud (also while paused: it asks nothing of QuickBooks).
            if (push.MaybeSent && !IsPaused)
            {
                ClearStoredOutcome(push);
            }

            StartReport(push);
            return;
        }

        if (IsPaused)
        {
            return;
        }

        if (push.MaybeSent)
        {
            // The write may have run: only QuickBooks knows. Ask before ever sending it again.
            Log.Information("Company {Company}: push {PushId} may have reached QuickBooks; asking for its stored outcome", _profile.CompanyId, push.Order.PushId);
            SendPush(push, PushStage.Recover, QbRequestWriter.Write(QbMessageSet.Recover(PushIds.MessageSetId(push.Order.PushId))));
            return;
        }

        if (_settings.Mode == SyncMode.OneTime)
        {
            RecordPushOutcome(push, PushOutcome.Failed(0, QbErrorClass.RequestInvalid, "Pushes are refused: this company is synced once only.", "Link the company for ongoing syncs to push records."), sent: false);
            return;
        }

        var preparation = PushPlanner.Prepare(push.Order);
        if (preparation.Plan is not { } plan)
        {
            Log.Information("Company {Company}: push {PushId} refused before QuickBooks saw it: {Problems}", _profile.CompanyId, push.Order.PushId, preparation.Problems);
            RecordPushOutcome(push, PushOutcome.Invalid(preparation.Problems), sent: false);
            return;
        }

        if (PushReferenceCheck.Request(plan.References) is { } lookup)
        {
            SendPush(push, PushStage.CheckReferences, lookup, plan);
            return;
        }

        SendWrite(push, plan);
    }

    private void SendWrite(PushEntry push, PushPlan plan)
    {
        _pushStep = new PushStep(push.Order.PushId, PushStage.Write, "persisting", plan);
        Persist(new PushSending(push.Order.PushId, plan.MessageSetId, _deps.Time.GetUtcNow()), e =>
        {
            _pushes.Apply(e);
            Pause("push.before-send");
            SendPush(push, PushStage.Write, plan.RequestXml, plan);
        });
    }

    private void SendPush(PushEntry push, PushStage stage, string requestXml, PushPlan? plan = null, string? conflictMessage = null)
    {
        var correlationId = $"{PushCorrelationPrefix}{push.Order.PushId}:{stage}:{NextRequestId()}";
        _pushStep = new PushStep(push.Order.PushId, stage, correlationId, plan) { ConflictMessage = conflictMessage };
        // Another request follows (the next stage, or clearing the stored outcome): the gateway keeps
        // the file for it rather than switching away and having to open this file again for it.
        _deps.Gateway.Tell(new QbRequest(_profile.CompanyFile, GatewayPriority.Interactive, requestXml, correlationId, FollowUpExpected: true), Self);
    }

    private void OnPushResponse(QbResponse response)
    {
        var step = _pushStep;
        if (step is null || !string.Equals(step.CorrelationId, response.CorrelationId, StringComparison.Ordinal))
        {
            return; // The answer to a clear, or to a request given up on.
        }

        _pushStep = null;
        if (_pushes.Find(step.PushId) is not { } push)
        {
            AdvancePushes();
            return;
        }

        switch (step.Stage)
        {
            case PushStage.CheckReferences:
                OnReferencesChecked(push, step.Plan!, response.ResponseXml);
                break;
            case PushStage.Write:
                Pause("push.after-send");
                OnWriteAnswer(push, response.ResponseXml, recovered: false);
                break;
            case PushStage.Recover:
                OnWriteAnswer(push, response.ResponseXml, recovered: true);
                break;
            case PushStage.CurrentRecord:
                OnCurrentRecord(push, step.ConflictMessage ?? "", response.ResponseXml);
                break;
        }
    }

    private void OnReferencesChecked(PushEntry push, PushPlan plan, string responseXml)
    {
        IReadOnlyList<string> problems;
        try
        {
            problems = PushReferenceCheck.Problems(plan.References, responseXml);
        }
        catch (QbResponseFormatException ex)
        {
            // QuickBooks checks references itself too; an unreadable lookup only loses the friendlier message.
            Log.Warning(ex, "Company {Company}: the reference lookup for push {PushId} could not be read", _profile.CompanyId, push.Order.PushId);
            problems = [];
        }

        if (problems.Count > 0)
        {
            RecordPushOutcome(push, PushOutcome.Invalid(problems), sent: false);
            return;
        }

        SendWrite(push, plan);
    }

    private void OnWriteAnswer(PushEntry push, string responseXml, bool recovered)
    {
        PushAnswer answer;
        try
        {
            answer = PushAnswer.Read(responseXml);
        }
        catch (QbResponseFormatException ex)
        {
            Log.Error(ex, "Company {Company}: QuickBooks' answer to push {PushId} could not be read", _profile.CompanyId, push.Order.PushId);
            RecordPushOutcome(push, PushOutcome.Failed(QbStatusCodes.InternalError, QbErrorClass.RequestInvalid, "QuickBooks sent an answer the connector could not read: " + ex.Message, "Check in QuickBooks whether the record was written before pushing it again."), sent: true);
            return;
        }

        switch (answer)
        {
            case PushAnswer.NotApplied when recovered:
                // Nothing stored under the push's id: the write never ran, so it is safe to send (the push is already marked as maybe-sent).
                Log.Information("Company {Company}: push {PushId} never reached QuickBooks; sending it", _profile.CompanyId, push.Order.PushId);
                ResendWrite(push);
                break;
            case PushAnswer.NotApplied:
                RecordPushOutcome(push, PushOutcome.Failed(QbStatusCodes.InternalError, QbErrorClass.RequestInvalid, "QuickBooks answered the write without a response.", "Check in QuickBooks whether the record was written before pushing it again."), sent: true);
                break;
            case PushAnswer.Applied applied:
                RecordPushOutcome(push, PushOutcome.Success(applied.Record.Id!, applied.Record.EditSequence!), sent: true);
                break;
            case PushAnswer.Stale stale:
                // Never overwrite blindly: read the record as it is now, for the cloud to decide.
                var entity = QbCatalog.GetByDataType(push.Order.DataType);
                var query = QbRequestWriter.Write(new QbQueryRequest(entity) { RequestId = "current", Ids = [push.Order.RecordId!], ActiveStatus = null });
                SendPush(push, PushStage.CurrentRecord, query, conflictMessage: stale.Message);
                break;
            case PushAnswer.RetryLater retry when recovered:
                Log.Information("Company {Company}: push {PushId} was not applied ({Status}); sending it again", _profile.CompanyId, push.Order.PushId, retry.StatusCode);
                ResendWrite(push);
                break;
            case PushAnswer.RetryLater retry:
                Log.Information("Company {Company}: QuickBooks asks to try push {PushId} again later ({Status}: {Message})", _profile.CompanyId, push.Order.PushId, retry.StatusCode, retry.Message);
                _pushStep = new PushStep(push.Order.PushId, PushStage.Write, "waiting", null);
                Timers.StartSingleTimer(PushRetryTimer, PushRetry.Instance, PushRetryDelay);
                break;
            case PushAnswer.Refused refused:
                RecordPushOutcome(push, PushOutcome.Failed(refused.StatusCode, refused.ErrorClass, refused.Message, refused.Fix), sent: true);
                break;
        }
    }

    private void ResendWrite(PushEntry push)
    {
        var preparation = PushPlanner.Prepare(push.Order);
        if (preparation.Plan is not { } plan)
        {
            RecordPushOutcome(push, PushOutcome.Invalid(preparation.Problems), sent: true);
            return;
        }

        SendPush(push, PushStage.Write, plan.RequestXml, plan);
    }

    private void OnCurrentRecord(PushEntry push, string message, string responseXml)
    {
        Record? current = null;
        try
        {
            var page = FetchedPage.Read(responseXml);
            if (page.Records.FirstOrDefault() is { } record)
            {
                current = RecordEncoder.Encode(record);
            }
        }
        catch (QbResponseFormatException ex)
        {
            Log.Warning(ex, "Company {Company}: the current record for push {PushId} could not be read", _profile.CompanyId, push.Order.PushId);
        }

        RecordPushOutcome(push, PushOutcome.Conflicting(message, current), sent: true);
    }

    private void OnPushFailure(QbFailure failure)
    {
        var step = _pushStep;
        if (step is null || !string.Equals(step.CorrelationId, failure.CorrelationId, StringComparison.Ordinal))
        {
            return;
        }

        _pushStep = null;
        if (_pushes.Find(step.PushId) is not { } push)
        {
            AdvancePushes();
            return;
        }

        var error = failure.Error;
        if (error.ErrorClass == QbErrorClass.RequestInvalid && step.Stage == PushStage.Write)
        {
            RecordPushOutcome(push, PushOutcome.Failed(error.HResult, QbErrorClass.RequestInvalid, error.PlainMessage, error.Fix), sent: true);
            return;
        }

        if (error.ErrorClass == QbErrorClass.RequestInvalid && step.Stage == PushStage.CurrentRecord)
        {
            RecordPushOutcome(push, PushOutcome.Conflicting(step.ConflictMessage ?? "", null), sent: true);
            return;
        }

        // QuickBooks is out of reach for now. A write is then of unknown outcome: the next attempt asks first.
        Log.Warning("Company {Company}: push {PushId} waits for QuickBooks ({HResult}: {Reason})", _profile.CompanyId, push.Order.PushId, error.HResultHex, error.PlainMessage);
        _pushStep = new PushStep(push.Order.PushId, step.Stage, "waiting", null);
        Timers.StartSingleTimer(PushRetryTimer, PushRetry.Instance, NeedsPersonRetry);
    }

    private void RecordPushOutcome(PushEntry push, PushOutcome outcome, bool sent)
    {
        _pushStep = new PushStep(push.Order.PushId, PushStage.Reporting, "recording", null);
        Persist(new PushOutcomeRecorded(push.Order.PushId, outcome, _deps.Time.GetUtcNow()), e =>
        {
            _pushes.Apply(e);
            Log.Information("Company {Company}: push {PushId} ended: {Outcome} {Id} {StatusCode}", _profile.CompanyId, e.PushId, e.Outcome.Kind, e.Outcome.Id, e.Outcome.StatusCode);
            if (sent)
            {
                ClearStoredOutcome(push);
            }

            Pause("push.after-record");
            StartReport(push);
        });
    }

    /// <summary>The outcome is in the journal now, so QuickBooks may forget it (the answer is not needed).</summary>
    private void ClearStoredOutcome(PushEntry push)
    {
        var id = PushIds.MessageSetId(push.Order.PushId);
        // Housekeeping nobody waits for: scheduled, so it never makes the gateway open this file by itself.
        _deps.Gateway.Tell(new QbRequest(_profile.CompanyFile, GatewayPriority.Scheduled, QbRequestWriter.Write(QbMessageSet.ClearRecovery(id)), $"{PushCorrelationPrefix}{push.Order.PushId}:clear"), Self);
    }

    private void StartReport(PushEntry push)
    {
        _pushStep = new PushStep(push.Order.PushId, PushStage.Reporting, "reporting", null);
        Self.Tell(new ReportPush(push.Order.PushId), Self);
    }

    private async Task OnReportPushAsync(ReportPush report)
    {
        if (_pushes.Find(report.PushId) is not { Outcome: { } outcome } push)
        {
            _pushStep = null;
            AdvancePushes();
            return;
        }

        var message = new ClientMessage { PushResult = outcome.ToContract(push.WorkId, _profile.CompanyId, push.Order.PushId) };
        await AppendDurableAsync(push.WorkId, push.Order.DataType, 0, message, []);
        Persist(new PushReported(push.Order.PushId, _deps.Time.GetUtcNow()), e =>
        {
            _pushes.Apply(e);
            _pushStep = null;
            AdvancePushes();
        });
    }

    private static void Pause(string point) => Diagnostics.PausePoints.Reach(point);

    /// <summary>The request out at QuickBooks for a push (or the push's recording or reporting, or a wait before retrying).</summary>
    private sealed record PushStep(string PushId, PushStage Stage, string CorrelationId, PushPlan? Plan)
    {
        public string? ConflictMessage { get; init; }
    }

    private sealed record PushRetry
    {
        public static PushRetry Instance { get; } = new();
    }

    private sealed record ReportPush(string PushId);
}
