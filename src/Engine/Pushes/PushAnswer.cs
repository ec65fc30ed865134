using QbConnector.QbGateway.Errors;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Pushes;

/// <summary>
/// QuickBooks' answer to a push's write, or to the question "what did you store for this message
/// set?" after a crash: both are read the same way, since a stored outcome is the write's answer.
/// </summary>
public abstract record PushAnswer
{
    /// <summary>Nothing is stored for the message set (9002, or 600 for another id): the write never ran.</summary>
    public sealed record NotApplied(int MessageSetStatusCode) : PushAnswer;

    /// <summary>The write ran; the record as QuickBooks now holds it.</summary>
    public sealed record Applied(QbRecord Record) : PushAnswer;

    /// <summary>The Mod's EditSequence is stale (3200): someone changed the record since the cloud read it.</summary>
    public sealed record Stale(string Message) : PushAnswer;

    /// <summary>QuickBooks did not apply the write but asks to try again (record locked, internal error).</summary>
    public sealed record RetryLater(int StatusCode, string Message) : PushAnswer;

    /// <summary>QuickBooks refused the write (3100 name in use, 3140 bad reference…).</summary>
    public sealed record Refused(int StatusCode, QbErrorClass ErrorClass, string Message, string Fix) : PushAnswer;

    public static PushAnswer Read(string responseXml)
    {
        using var reader = QbResponseReader.Create(responseXml);
        var header = reader.NextResponse();
        if (header is null)
        {
            return reader.MessageSetStatusCode is QbStatusCodes.MessageSetNothingStored or QbStatusCodes.MessageSetNotFound
                ? new NotApplied(reader.MessageSetStatusCode.Value)
                : throw new QbResponseFormatException($"The answer holds no response and message set status {reader.MessageSetStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }

        var status = header.Status;
        var message = string.IsNullOrEmpty(header.StatusMessage) ? status.PlainMessage : header.StatusMessage;
        if (header.StatusCode == QbStatusCodes.EditSequenceOutOfDate)
        {
            return new Stale(message);
        }

        if (status.ErrorClass == QbErrorClass.RetryLater)
        {
            return new RetryLater(header.StatusCode, message);
        }

        if (status.IsError)
        {
            return new Refused(header.StatusCode, status.ErrorClass!.Value, message, status.Fix);
        }

        var record = reader.ReadRecords().FirstOrDefault();
        return record?.Id is not null && record.EditSequence is not null
            ? new Applied(record)
            : throw new QbResponseFormatException($"{header.ElementName} succeeded but holds no record with an id and EditSequence.");
    }
}
