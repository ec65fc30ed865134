using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Queries;

/// <summary>ListDeletedQuery and TxnDeletedQuery: QuickBooks keeps only the last 90 days of its delete history.</summary>
internal static class DeletedQueryHandler
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public static RequestResult Handle(XElement request, SessionContext context)
    {
        var isList = request.Name.LocalName == "ListDeletedQueryRq";
        var responseName = isList ? "ListDeletedQueryRs" : "TxnDeletedQueryRs";
        var requestId = (string?)request.Attribute("requestID");
        var types = request.Elements(isList ? "ListDelType" : "TxnDelType").Select(e => e.Value.Trim()).Distinct().ToList();
        var offset = context.Company.UtcOffset;
        var now = context.Now;
        long from = now - (long)Retention.TotalSeconds, to = now;
        if (request.Element("DeletedDateRangeFilter") is { } range)
        {
            foreach (var (element, upper) in new[] { (range.Element("FromDeletedDate"), false), (range.Element("ToDeletedDate"), true) })
            {
                if (element is null)
                {
                    continue;
                }

                if (!QbFormat.TryParseBound(element.Value, offset, upper, out var bound))
                {
                    return RequestResult.Status(responseName, requestId, 3020, "Error", StatusMessages.BadDate(element.Value, element.Name.LocalName));
                }

                if (upper)
                {
                    to = Math.Min(to, bound);
                }
                else
                {
                    from = Math.Max(from, bound);
                }
            }

            var fromText = range.Element("FromDeletedDate")?.Value;
            var toText = range.Element("ToDeletedDate")?.Value;
            if (fromText is not null && toText is not null
                && QbFormat.TryParseBound(fromText, offset, false, out var f) && QbFormat.TryParseBound(toText, offset, true, out var t) && f > t)
            {
                return RequestResult.Status(responseName, requestId, 3030, "Error", StatusMessages.DateRange(fromText, toText));
            }
        }

        var deleted = context.Store.QueryDeleted(types, from, to);
        var include = request.Elements("IncludeRetElement").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        bool Wanted(string name) => include.Count == 0 || include.Contains(name);
        return new RequestResult
        {
            ResponseName = responseName,
            RequestId = requestId,
            StatusCode = deleted.Count == 0 ? 1 : 0,
            Message = deleted.Count == 0 ? StatusMessages.NoMatch : StatusMessages.Ok,
            RetCount = deleted.Count,
            RecordsReturned = deleted.Count,
            Body = writer =>
            {
                foreach (var record in deleted)
                {
                    writer.WriteStartElement(isList ? "ListDeletedRet" : "TxnDeletedRet");
                    void Field(string name, string? value)
                    {
                        if (value is not null && Wanted(name))
                        {
                            writer.WriteElementString(name, value);
                        }
                    }

                    Field(isList ? "ListDelType" : "TxnDelType", record.Type);
                    Field(isList ? "ListID" : "TxnID", record.Id);
                    Field("TimeCreated", QbFormat.DateTime(record.TimeCreated, offset));
                    Field("TimeDeleted", QbFormat.DateTime(record.TimeDeleted, offset));
                    Field(isList ? "FullName" : "RefNumber", isList ? record.FullName : record.RefNumber);
                    writer.WriteEndElement();
                }
            },
        };
    }
}
