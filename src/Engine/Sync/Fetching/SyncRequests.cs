using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;

namespace QbConnector.Engine.Sync.Fetching;

/// <summary>
/// The qbXML a sync sends, with the defaults that bite turned the right way: ActiveStatus All
/// (QuickBooks' default hides inactive records), IncludeLineItems true (its default drops lines),
/// both modified-date bounds given (inclusive), and an iterator wherever the query has one.
/// </summary>
public sealed class SyncRequests
{
    private readonly int _pageSize;
    private readonly string _version;

    public SyncRequests(int pageSize, string qbXmlVersion = QbMessageSet.DefaultVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _pageSize = pageSize;
        _version = qbXmlVersion;
    }

    /// <summary>The first (or only) request of a window.</summary>
    public string WindowStart(QbEntity entity, SyncWindow window, string requestId) =>
        Write(Query(entity, window, requestId, entity.SupportsIterator ? QbIterator.Start : QbIterator.None, null));

    /// <summary>The next page of a window: the same criteria, as QuickBooks requires, with the iterator's id.</summary>
    public string WindowContinue(QbEntity entity, SyncWindow window, string requestId, string iteratorId) =>
        Write(Query(entity, window, requestId, QbIterator.Continue, iteratorId));

    /// <summary>
    /// The first (or only) page of every id of the entity, with no date filter: a reconciliation
    /// pass that finds the records QuickBooks no longer has. Only the id comes back, so it is cheap.
    /// </summary>
    public string IdsStart(QbEntity entity, string requestId) =>
        Write(IdQuery(entity, requestId, entity.SupportsIterator ? QbIterator.Start : QbIterator.None, null));

    /// <summary>The next page of <see cref="IdsStart"/>.</summary>
    public string IdsContinue(QbEntity entity, string requestId, string iteratorId) =>
        Write(IdQuery(entity, requestId, QbIterator.Continue, iteratorId));

    /// <summary>Records of the entity deleted within the range (QuickBooks keeps the last 90 days only).</summary>
    public string Deleted(QbEntity entity, DateTimeOffset from, DateTimeOffset to, string requestId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var transactions = entity.Kind == QbEntityKind.Transaction;
        return Write(new QbDeletedQueryRequest(transactions, transactions ? [entity.TxnDelType!] : entity.ListDelTypes)
        {
            RequestId = requestId,
            FromDeletedDate = from,
            ToDeletedDate = to,
        });
    }

    public string Company(string requestId) =>
        Write(new QbCompanyQueryRequest { RequestId = requestId });

    public string Host(string requestId) =>
        Write(new QbHostQueryRequest { RequestId = requestId });

    public string Report(QbEntity entity, DateOnly from, DateOnly to, string requestId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Write(new QbReportQueryRequest(entity.ReportType!) { RequestId = requestId, FromReportDate = from, ToReportDate = to });
    }

    private QbQueryRequest Query(QbEntity entity, SyncWindow window, string requestId, QbIterator iterator, string? iteratorId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new QbQueryRequest(entity)
        {
            RequestId = requestId,
            FromModifiedDate = window.From,
            ToModifiedDate = window.To,
            ActiveStatus = entity.SupportsActiveStatus ? QbActiveStatus.All : null,
            IncludeLineItems = entity.SupportsIncludeLineItems ? true : null,
            Iterator = iterator,
            IteratorId = iteratorId,
            MaxReturned = iterator == QbIterator.None ? null : _pageSize,
        };
    }

    private QbQueryRequest IdQuery(QbEntity entity, string requestId, QbIterator iterator, string? iteratorId)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new QbQueryRequest(entity)
        {
            RequestId = requestId,
            ActiveStatus = entity.SupportsActiveStatus ? QbActiveStatus.All : null,
            Iterator = iterator,
            IteratorId = iteratorId,
            MaxReturned = iterator == QbIterator.None ? null : _pageSize,
            IncludeRetElements = [entity.Kind == QbEntityKind.Transaction ? "TxnID" : "ListID"],
        };
    }

    private string Write(QbRequest request) => QbRequestWriter.Write(new QbMessageSet { Version = _version, Requests = [request] });

    /// <summary>Whether the entity's deletes can be asked for at all.</summary>
    public static bool TracksDeletes(QbEntity entity) => entity is not null && (entity.TxnDelType is not null || entity.ListDelTypes.Count > 0);
}
