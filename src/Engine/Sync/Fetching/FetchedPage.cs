using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Sync.Fetching;

/// <summary>One answer of QuickBooks to a sync request: its status, iterator position and records.</summary>
public sealed record FetchedPage(QbResponseHeader Header, IReadOnlyList<QbRecord> Records, IReadOnlyList<QbDeletedRecord> Deleted)
{
    /// <summary>Records still waiting in the iterator; 0 when the window is exhausted.</summary>
    public int Remaining => Header.IteratorRemainingCount ?? 0;

    /// <summary>statusCode 1: nothing matched. Not an error.</summary>
    public bool NoMatch => Header.StatusCode == 1;

    /// <summary>Reads the single response of a sync request.</summary>
    public static FetchedPage Read(string responseXml)
    {
        using var reader = FetchedPageReader.Open(responseXml);
        return reader.ReadPage();
    }
}
