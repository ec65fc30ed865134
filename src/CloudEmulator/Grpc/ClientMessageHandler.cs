using System.Globalization;
using System.Text;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>
/// What the cloud does with each message from a connector. Durable messages (pages and results)
/// are stored once by (company, sequence) and always acknowledged, also when re-sent.
/// </summary>
internal sealed class ClientMessageHandler(
    CompanyStore companies,
    InstallStore installs,
    DatasetStore datasets,
    PushStore pushes,
    RecordStore records,
    ReceiptStore receipts,
    ConnectorSessions sessions,
    TimeProvider time,
    Serilog.ILogger log)
{
    private const int MaxIdLength = 256;

    private readonly Serilog.ILogger _log = log.ForContext<ClientMessageHandler>();

    public void Handle(ConnectorSession session, ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        switch (message.BodyCase)
        {
            case ClientMessage.BodyOneofCase.Hello:
                OnHello(session, message.Hello);
                break;
            case ClientMessage.BodyOneofCase.Heartbeat:
                OnHeartbeat(session, message.Heartbeat);
                break;
            case ClientMessage.BodyOneofCase.WorkAccepted:
                OnStarted(session, message.WorkAccepted.CompanyId, message.WorkAccepted.WorkId);
                break;
            case ClientMessage.BodyOneofCase.WorkProgress:
                OnStarted(session, message.WorkProgress.CompanyId, message.WorkProgress.WorkId);
                break;
            case ClientMessage.BodyOneofCase.DataPage:
                OnDataPage(session, message.DataPage);
                break;
            case ClientMessage.BodyOneofCase.WorkCompleted:
                OnWorkCompleted(session, message.WorkCompleted);
                break;
            case ClientMessage.BodyOneofCase.WorkFailed:
                OnWorkFailed(session, message.WorkFailed);
                break;
            case ClientMessage.BodyOneofCase.PushResult:
                OnPushResult(session, message.PushResult);
                break;
            case ClientMessage.BodyOneofCase.Health:
                OnHealth(session, message.Health);
                break;
            default:
                // A newer connector's message this cloud does not know: ignored, as the contract says.
                _log.Debug("Ignoring unknown message {Body} from install {InstallId}", message.BodyCase, session.InstallId);
                break;
        }
    }

    private void OnHello(ConnectorSession session, Hello hello)
    {
        installs.RecordFacts(session.InstallId, hello.ConnectorVersion, null, null);
        foreach (var state in hello.Companies)
        {
            _log.Information("Install {InstallId} reports company {CompanyId} as {LinkState}", session.InstallId, state.CompanyId, state.LinkState);
        }

        sessions.Welcome(session);
    }

    private void OnHeartbeat(ConnectorSession session, Heartbeat heartbeat)
    {
        installs.Touch(session.InstallId);
        session.Send(new ServerMessage { HeartbeatReply = new HeartbeatReply { Nonce = heartbeat.Nonce, ServerTime = ContractMapping.ToTimestamp(time.GetUtcNow()) } });

        // A pause with an end time runs out without any event: the heartbeat is when work resumes.
        foreach (var company in companies.ForInstall(session.InstallId))
        {
            sessions.OfferWork(session, company.Id);
        }
    }

    private void OnStarted(ConnectorSession session, string companyId, string workId)
    {
        if (Owned(session, companyId).LinkState == CompanyLinkState.Linked)
        {
            datasets.MarkFetching(companyId, workId);
        }
    }

    private void OnDataPage(ConnectorSession session, DataPage page)
    {
        var company = Owned(session, page.CompanyId);
        if (page.Sequence == 0)
        {
            throw Invalid("Data page sequence numbers start at 1.");
        }

        if (company.LinkState != CompanyLinkState.Linked)
        {
            // Deauthorised: the data is no longer wanted, but the connector may forget the page.
            Acknowledge(session, page.CompanyId, page.Sequence);
            return;
        }

        if (!DataTypes.IsKnown(page.DataType))
        {
            throw Invalid($"Data page {page.Sequence} has an unknown data type '{page.DataType}'.");
        }

        var incoming = PageDecoder.Records(page).Select(r =>
        {
            if (r.Id.Length is 0 or > MaxIdLength)
            {
                throw Invalid($"Data page {page.Sequence} has a record without a valid id.");
            }

            return ContractMapping.ToStore(r);
        }).ToList();
        var stored = records.StorePage(new IncomingPage(page.CompanyId, page.Sequence, string.IsNullOrEmpty(page.WorkId) ? null : page.WorkId, page.DataType, incoming));
        _log.Debug("Data page {Sequence} of company {CompanyId} ({DataType}, {Count} records) {Outcome}", page.Sequence, page.CompanyId, page.DataType, incoming.Count, stored ? "stored" : "already stored");
        Acknowledge(session, page.CompanyId, page.Sequence);
    }

    private void OnWorkCompleted(ConnectorSession session, WorkCompleted completed)
    {
        var company = Owned(session, completed.CompanyId);
        if (!receipts.Contains(completed.CompanyId, completed.Sequence) && company.LinkState == CompanyLinkState.Linked)
        {
            if (datasets.Complete(completed.CompanyId, completed.WorkId))
            {
                companies.RecordSync(completed.CompanyId);
                _log.Information("Dataset {DatasetId} of company {CompanyId} complete: {Records} records in {Pages} pages", completed.WorkId, completed.CompanyId, completed.RecordsSent, completed.PagesSent);
            }

            receipts.TryAdd(completed.CompanyId, completed.Sequence, "completed", completed.WorkId);
        }

        Acknowledge(session, completed.CompanyId, completed.Sequence);
    }

    private void OnWorkFailed(ConnectorSession session, WorkFailed failed)
    {
        var company = Owned(session, failed.CompanyId);
        if (!receipts.Contains(failed.CompanyId, failed.Sequence) && company.LinkState == CompanyLinkState.Linked)
        {
            var error = Describe(failed.Error);
            if (!datasets.Fail(failed.CompanyId, failed.WorkId, error) && failed.Error is { } qb)
            {
                pushes.RecordFailure(failed.CompanyId, failed.WorkId, qb.StatusCode, qb.Message);
            }

            companies.RecordError(failed.CompanyId, error);
            receipts.TryAdd(failed.CompanyId, failed.Sequence, "failed", failed.WorkId);
            _log.Warning("Work {WorkId} of company {CompanyId} failed: {Error}", failed.WorkId, failed.CompanyId, error);
        }

        Acknowledge(session, failed.CompanyId, failed.Sequence);
    }

    private void OnPushResult(ConnectorSession session, PushResult result)
    {
        var company = Owned(session, result.CompanyId);
        var pushId = string.IsNullOrEmpty(result.PushId) ? result.WorkId : result.PushId;
        if (!receipts.Contains(result.CompanyId, result.Sequence) && company.LinkState == CompanyLinkState.Linked)
        {
            switch (result.OutcomeCase)
            {
                case PushResult.OutcomeOneofCase.Success:
                    pushes.RecordSuccess(result.CompanyId, pushId, result.Success.Id, result.Success.EditSequence);
                    break;
                case PushResult.OutcomeOneofCase.Failed:
                    pushes.RecordFailure(result.CompanyId, pushId, result.Failed.Error?.StatusCode ?? 0, result.Failed.Error?.Message ?? string.Empty);
                    break;
                case PushResult.OutcomeOneofCase.Conflict:
                    pushes.RecordConflict(result.CompanyId, pushId, result.Conflict.Message, result.Conflict.Current?.Json.ToByteArray() ?? []);
                    break;
                default:
                    throw Invalid($"Push result {result.Sequence} for push {pushId} has no outcome.");
            }

            receipts.TryAdd(result.CompanyId, result.Sequence, "push", pushId);
            _log.Information("Push {PushId} of company {CompanyId}: {Outcome}", pushId, result.CompanyId, result.OutcomeCase);
        }

        Acknowledge(session, result.CompanyId, result.Sequence);
    }

    private void OnHealth(ConnectorSession session, ConnectorHealth health)
    {
        installs.RecordFacts(session.InstallId, null, health.QuickbooksProduct, health.QuickbooksVersion);
        var summary = new StringBuilder();
        foreach (var error in health.LastErrors.Take(10))
        {
            summary.Append(CultureInfo.InvariantCulture, $"{error.At?.ToDateTimeOffset():O} {error.CompanyId} {Describe(error.Error)}").Append('\n');
        }

        installs.RecordErrors(session.InstallId, summary.Length == 0 ? null : summary.ToString());
        foreach (var latest in health.LastErrors.Where(e => e.CompanyId.Length > 0).GroupBy(e => e.CompanyId).Select(g => g.First()))
        {
            if (companies.Get(latest.CompanyId) is { } company && company.InstallId == session.InstallId)
            {
                companies.RecordError(company.Id, Describe(latest.Error));
            }
        }
    }

    private void Acknowledge(ConnectorSession session, string companyId, ulong sequence) =>
        session.Send(new ServerMessage { Ack = new Acknowledgement { CompanyId = companyId, Sequence = sequence } });

    /// <summary>The company, if it is linked to this install; anything else ends the stream.</summary>
    private Company Owned(ConnectorSession session, string companyId)
    {
        var company = companies.Get(companyId);
        if (company is null || company.InstallId != session.InstallId)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Company '{companyId}' is not linked to this install."));
        }

        return company;
    }

    private static string Describe(QuickBooksError? error) =>
        error is null
            ? "Unknown error."
            : string.Create(CultureInfo.InvariantCulture, $"{error.Message} (QuickBooks status {error.StatusCode}, {error.ErrorClass}){(error.Fix.Length > 0 ? " Fix: " + error.Fix : string.Empty)}");

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
