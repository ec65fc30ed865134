using System.IO.Compression;
using Google.Protobuf;
using QbConnector.CloudContract.V1;

namespace QbConnector.Engine.Cloud.Pages;

/// <summary>
/// Builds the durable message for one page of records, ready for the outbox. Pages above the
/// contract's threshold travel gzip'd; the sequence number is filled in when the page is sent.
/// </summary>
public static class DataPageBuilder
{
    /// <summary>The contract's threshold (compress_above_bytes): larger pages are sent gzip'd.</summary>
    public const int CompressAboveBytes = 256 * 1024;

    public static ClientMessage Build(string companyId, string workId, string dataType, IReadOnlyList<Record> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var page = new DataPage { CompanyId = companyId, WorkId = workId, DataType = dataType };
        var batch = new RecordBatch();
        batch.Records.AddRange(records);
        if (batch.CalculateSize() > CompressAboveBytes)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                batch.WriteTo(gzip);
            }

            page.Compressed = true;
            page.CompressedRecords = ByteString.CopyFrom(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        else
        {
            page.Records.AddRange(records);
        }

        return new ClientMessage { DataPage = page };
    }

    /// <summary>The records of a page, whether it was compressed or not.</summary>
    public static IReadOnlyList<Record> ReadRecords(DataPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Compressed)
        {
            return page.Records;
        }

        using var gzip = new GZipStream(new MemoryStream(page.CompressedRecords.ToByteArray()), CompressionMode.Decompress);
        return RecordBatch.Parser.ParseFrom(gzip).Records;
    }

    /// <summary>Stamps a durable message with its outbox sequence number just before it is sent.</summary>
    public static ClientMessage WithSequence(ClientMessage message, ulong sequence)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.BodyCase)
        {
            case ClientMessage.BodyOneofCase.DataPage:
                message.DataPage.Sequence = sequence;
                break;
            case ClientMessage.BodyOneofCase.WorkCompleted:
                message.WorkCompleted.Sequence = sequence;
                break;
            case ClientMessage.BodyOneofCase.WorkFailed:
                message.WorkFailed.Sequence = sequence;
                break;
            case ClientMessage.BodyOneofCase.PushResult:
                message.PushResult.Sequence = sequence;
                break;
            default:
                throw new ArgumentException($"A {message.BodyCase} message is not durable and has no sequence.", nameof(message));
        }

        return message;
    }
}
