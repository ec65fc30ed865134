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
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            QbRecordJson.Write(writer, record);
        }

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
