using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Sync.Fetching;

/// <summary>
/// A sync answer read in two steps: its header first, which says whether the iterator holds more
/// and is enough to ask QuickBooks for the next page, then its records. Parsing a page costs about
/// as much as QuickBooks' answering it, so the two overlap instead of adding up.
/// </summary>
public sealed class FetchedPageReader : IDisposable
{
    private readonly QbResponseReader _reader;
    private bool _read;

    private FetchedPageReader(QbResponseReader reader, QbResponseHeader header)
    {
        _reader = reader;
        Header = header;
    }

    public QbResponseHeader Header { get; }

    /// <summary>Records still waiting in the iterator; 0 when the window is exhausted.</summary>
    public int Remaining => Header.IteratorRemainingCount ?? 0;

    /// <summary>Reads the header of the single response of a sync request.</summary>
    /// <exception cref="QbResponseFormatException">The answer is not a readable qbXML response.</exception>
    public static FetchedPageReader Open(string responseXml)
    {
        var reader = QbResponseReader.Create(responseXml);
        try
        {
            var header = reader.NextResponse() ?? throw new QbResponseFormatException("The QuickBooks answer holds no response.");
            return new FetchedPageReader(reader, header);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the records; once only.</summary>
    /// <exception cref="QbResponseFormatException">A record is malformed.</exception>
    public FetchedPage ReadPage()
    {
        if (_read)
        {
            throw new InvalidOperationException("The page's records were read already.");
        }

        _read = true;
        var records = new List<QbRecord>();
        var deleted = new List<QbDeletedRecord>();
        foreach (var record in _reader.ReadRecords())
        {
            if (QbDeletedRecords.IsDeletedRet(record))
            {
                deleted.Add(QbDeletedRecords.FromRecord(record));
            }
            else
            {
                records.Add(record);
            }
        }

        return new FetchedPage(Header, records, deleted);
    }

    public void Dispose() => _reader.Dispose();
}
