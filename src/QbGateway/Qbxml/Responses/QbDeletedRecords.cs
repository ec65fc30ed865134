using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>Reads ListDeletedRet and TxnDeletedRet records into <see cref="QbDeletedRecord"/>.</summary>
public static class QbDeletedRecords
{
    public static bool IsDeletedRet(QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RetElement is "ListDeletedRet" or "TxnDeletedRet";
    }

    public static QbDeletedRecord FromRecord(QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var isTxn = record.RetElement switch
        {
            "TxnDeletedRet" => true,
            "ListDeletedRet" => false,
            _ => throw new QbResponseFormatException($"{record.RetElement} is not a deleted-record element."),
        };

        var delType = record.ValueAt(isTxn ? "TxnDelType" : "ListDelType")
                      ?? throw new QbResponseFormatException($"{record.RetElement} has no del type.");
        var id = record.ValueAt(isTxn ? "TxnID" : "ListID")
                 ?? throw new QbResponseFormatException($"{record.RetElement} has no ID.");
        var dataType = QbCatalog.FindByDelType(delType)?.DataType ?? delType;
        return new QbDeletedRecord(dataType, delType, id, record.TimeCreated, record.ValueAt("TimeDeleted"), record.ValueAt(isTxn ? "RefNumber" : "FullName"), isTxn);
    }
}
