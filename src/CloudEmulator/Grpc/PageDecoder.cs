using System.IO.Compression;
using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>The records of a data page, unpacked from gzip when the page says so.</summary>
internal static class PageDecoder
{
    /// <summary>A gzip'd page may not expand beyond this: a small message must not become a memory bomb.</summary>
    public const int MaxDecompressedBytes = 64 * 1024 * 1024;

    public static IReadOnlyList<Record> Records(DataPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Compressed)
        {
            return page.Records;
        }

        if (page.Records.Count > 0)
        {
            throw Invalid(page, "is marked compressed but also carries uncompressed records");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(page.CompressedRecords.ToByteArray()), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxDecompressedBytes)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Data page {page.Sequence} of company {page.CompanyId} expands beyond {MaxDecompressedBytes} bytes; send smaller pages."));
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            return RecordBatch.Parser.ParseFrom(buffer).Records;
        }
        catch (InvalidDataException)
        {
            throw Invalid(page, "has compressed_records that are not valid gzip");
        }
        catch (InvalidProtocolBufferException)
        {
            throw Invalid(page, "has compressed_records that do not hold a RecordBatch");
        }
    }

    private static RpcException Invalid(DataPage page, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"Data page {page.Sequence} of company {page.CompanyId} {problem}."));
}
