using System.Buffers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using QbConnector.CloudContract.V1;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Cloud.Pages;

/// <summary>Turns QuickBooks records into the contract's Record: keys for de-duplication plus the neutral JSON.</summary>
public static class RecordEncoder
{
    public static Record Encode(QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (buffer, writer) = Scratch();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        QbRecordJson.Write(writer, record);
        writer.Flush();

        var encoded = new Record
        {
            Id = record.Id ?? "",
            EditSequence = record.EditSequence ?? "",
            TimeModified = record.TimeModified ?? "",
            Json = ByteString.CopyFrom(buffer.WrittenSpan),
        };
        if (record.TimeModifiedValue is { } modified)
        {
            encoded.TimeModifiedUtc = Timestamp.FromDateTimeOffset(modified);
        }

        return encoded;
    }

    /// <summary>
    /// One buffer and writer per thread, kept between records: a fresh buffer grew by doubling
    /// for every record, allocating several times the JSON it held. The bytes are copied out once.
    /// </summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _scratch;

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) Scratch()
    {
        if (_scratch is { } scratch)
        {
            // A rare huge record should not keep its buffer for the life of the thread.
            if (scratch.Buffer.Capacity <= 1 << 20)
            {
                return scratch;
            }

            scratch.Writer.Dispose();
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        _scratch = (buffer, new Utf8JsonWriter(buffer));
        return _scratch.Value;
    }

    public static Record EncodeDeleted(QbDeletedRecord deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var encoded = new Record
        {
            Id = deleted.Id,
            Deleted = true,
            TimeModified = deleted.TimeDeleted ?? "",
            Json = ByteString.CopyFrom(Encoding.UTF8.GetBytes(QbRecordJson.SerializeDeleted(deleted))),
        };
        if (deleted.TimeDeletedValue is { } at)
        {
            encoded.TimeModifiedUtc = Timestamp.FromDateTimeOffset(at);
        }

        return encoded;
    }
}
