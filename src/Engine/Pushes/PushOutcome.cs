using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.QbGateway.Errors;

namespace QbConnector.Engine.Pushes;

/// <summary>How a push ended.</summary>
public enum PushOutcomeKind
{
    /// <summary>QuickBooks applied the write.</summary>
    Success,

    /// <summary>The push was refused: by the connector's validation or by QuickBooks.</summary>
    Failed,

    /// <summary>A Mod based on an EditSequence that is no longer current (3200); nothing was overwritten.</summary>
    Conflict,
}

/// <summary>
/// The final outcome of a push, as recorded in the journal and reported to the cloud.
/// </summary>
/// <param name="Kind">Success, Failed or Conflict.</param>
public sealed record PushOutcome(PushOutcomeKind Kind)
{
    /// <summary>Success: the record's ListID or TxnID.</summary>
    public string? Id { get; init; }

    /// <summary>Success: the record's EditSequence after the write.</summary>
    public string? EditSequence { get; init; }

    /// <summary>Failed or Conflict: the qbXML statusCode (or HRESULT); 0 when the connector's validation refused the push.</summary>
    public int StatusCode { get; init; }

    public QbErrorClass ErrorClass { get; init; } = QbErrorClass.RequestInvalid;

    /// <summary>What happened, in plain words (QuickBooks' statusMessage, or the validation problems with their fields).</summary>
    public string? Message { get; init; }

    public string? Fix { get; init; }

    /// <summary>Conflict: the record as QuickBooks holds it now (a serialized contract Record), if it could be read.</summary>
    public byte[]? Current { get; init; }

    public static PushOutcome Success(string id, string editSequence) => new(PushOutcomeKind.Success) { Id = id, EditSequence = editSequence };

    public static PushOutcome Failed(int statusCode, QbErrorClass errorClass, string message, string fix) =>
        new(PushOutcomeKind.Failed) { StatusCode = statusCode, ErrorClass = errorClass, Message = message, Fix = fix };

    /// <summary>Refused by the connector before QuickBooks saw it; each problem names its field.</summary>
    public static PushOutcome Invalid(IReadOnlyList<string> problems) =>
        Failed(0, QbErrorClass.RequestInvalid, "The record was not sent to QuickBooks: " + string.Join("; ", problems), "Correct the record and push it again.");

    public static PushOutcome Conflicting(string message, Record? current) =>
        new(PushOutcomeKind.Conflict) { StatusCode = QbStatusCodes.EditSequenceOutOfDate, Message = message, Current = current?.ToByteArray() };

    /// <summary>The result message for the cloud (its sequence is stamped by the outbox).</summary>
    public PushResult ToContract(string workId, string companyId, string pushId)
    {
        var result = new PushResult { WorkId = workId, CompanyId = companyId, PushId = pushId };
        switch (Kind)
        {
            case PushOutcomeKind.Success:
                result.Success = new PushSuccess { Id = Id ?? "", EditSequence = EditSequence ?? "" };
                break;
            case PushOutcomeKind.Conflict:
                result.Conflict = new PushConflict
                {
                    Message = Message ?? "",
                    Current = Current is { Length: > 0 } bytes ? Record.Parser.ParseFrom(bytes) : null,
                };
                break;
            default:
                result.Failed = new PushFailure
                {
                    Error = new QuickBooksError
                    {
                        ErrorClass = ErrorClass switch
                        {
                            QbErrorClass.RetryLater => CloudContract.V1.ErrorClass.RetryLater,
                            QbErrorClass.NeedsPerson => CloudContract.V1.ErrorClass.NeedsPerson,
                            _ => CloudContract.V1.ErrorClass.RequestInvalid,
                        },
                        StatusCode = StatusCode,
                        Message = Message ?? "",
                        Fix = Fix ?? "",
                    },
                };
                break;
        }

        return result;
    }
}
