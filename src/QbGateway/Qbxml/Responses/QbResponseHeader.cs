using QbConnector.QbGateway.Errors;

namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>The status attributes of one response element (CustomerQueryRs, InvoiceAddRs…).</summary>
public sealed record QbResponseHeader
{
    /// <summary>The response element's name, e.g. "InvoiceQueryRs".</summary>
    public required string ElementName { get; init; }

    public string? RequestId { get; init; }

    public required int StatusCode { get; init; }

    /// <summary>Info, Warn or Error (kept as sent; unknown values are not refused).</summary>
    public required string StatusSeverity { get; init; }

    public string? StatusMessage { get; init; }

    public int? RetCount { get; init; }

    public int? IteratorRemainingCount { get; init; }

    public string? IteratorId { get; init; }

    /// <summary>The cloud's data type this response carries, when known from the element name.</summary>
    public string? DataType { get; init; }

    public QbStatus Status => QbStatusCodes.Get(StatusCode, StatusSeverity);

    /// <summary>False for 0 (OK), 1 (no match) and warnings; true for failures.</summary>
    public bool IsError => Status.IsError;

    /// <summary>Throws <see cref="QbStatusException"/> when the status is a failure.</summary>
    public void EnsureSuccess()
    {
        if (IsError)
        {
            throw new QbStatusException(StatusCode, StatusSeverity, StatusMessage, RequestId, ElementName);
        }
    }
}
