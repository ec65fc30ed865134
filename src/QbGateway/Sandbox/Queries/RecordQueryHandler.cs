using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Iterators;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Queries;

/// <summary>
/// List and transaction queries, with QuickBooks' semantics: ActiveStatus defaults to ActiveOnly,
/// IncludeLineItems to false, both modified-date bounds are inclusive, IncludeRetElement ignores unknown
/// names, results come in a stable order that is not the modification order, and iterators page through
/// a result set within their session.
/// </summary>
internal static class RecordQueryHandler
{
    /// <summary>Page size of an iterator started without MaxReturned.</summary>
    private const int DefaultIteratorPage = 100;

    public static RequestResult Handle(XElement request, SessionContext context, IReadOnlyList<SandboxDataType> types)
    {
        var name = request.Name.LocalName;
        var responseName = name[..^2] + "Rs";
        var requestId = (string?)request.Attribute("requestID");
        var iterator = (string?)request.Attribute("iterator");
        var iteratorId = (string?)request.Attribute("iteratorID");

        if (iterator == "Continue" || iterator == "Stop")
        {
            var existing = iteratorId is null ? null : context.Iterators.Find(iteratorId);
            if (existing is null || existing.RequestName != name)
            {
                return RequestResult.Status(responseName, requestId, 3391, "Error", StatusMessages.BadIterator(iteratorId ?? string.Empty));
            }

            if (iterator == "Stop")
            {
                context.Iterators.Remove(existing.Id);
                return new RequestResult { ResponseName = responseName, RequestId = requestId, StatusCode = 0, RetCount = 0, IteratorRemainingCount = 0, IteratorId = existing.Id };
            }

            if (!string.Equals(existing.CriteriaSignature, Signature(request), StringComparison.Ordinal))
            {
                return RequestResult.Status(responseName, requestId, 3210, "Error",
                    "An iterator's Continue request must send the same criteria as the request that started it.");
            }
        }

        var parsed = QueryCriteria.Parse(request, context, types);
        if (parsed.Error is { } error)
        {
            return RequestResult.Status(responseName, requestId, error.Code, "Error", error.Message);
        }

        var filter = parsed.Filter!;
        if ((string?)request.Attribute("metaData") == "MetaDataOnly")
        {
            var count = context.Store.Count(filter, null);
            return new RequestResult { ResponseName = responseName, RequestId = requestId, RetCount = (int)Math.Min(count, int.MaxValue), StatusCode = count == 0 ? 1 : 0, Severity = "Info", Message = count == 0 ? StatusMessages.NoMatch : StatusMessages.Ok };
        }

        if (parsed.MaxReturned is < 1)
        {
            return RequestResult.Status(responseName, requestId, 3210, "Error", StatusMessages.InvalidValue("MaxReturned", parsed.MaxReturned.Value.ToString(CultureInfo.InvariantCulture)));
        }

        List<StoredRecord> records;
        long? remaining = null;
        string? returnedIteratorId = null;
        if (iterator is "Start" or "Continue")
        {
            var live = iterator == "Start"
                ? context.Iterators.Start(name, Signature(request), filter, parsed.MaxReturned ?? DefaultIteratorPage)
                : context.Iterators.Find(iteratorId!)!;
            (records, remaining) = NextPage(live, context.Store);
            returnedIteratorId = live.Id;
            if (remaining == 0)
            {
                // An exhausted iterator is gone, as in QuickBooks: a further Continue gets 3391.
                context.Iterators.Remove(live.Id);
            }
        }
        else
        {
            records = context.Store.Query(filter, null, parsed.MaxReturned ?? int.MaxValue);
        }

        var status = 0;
        var severity = "Info";
        var message = StatusMessages.Ok;
        var missing = parsed.RequestedIds?.FirstOrDefault(id => !records.Exists(r => r.Id == id))
            ?? parsed.RequestedNames?.FirstOrDefault(n => !records.Exists(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase)));
        if (missing is not null && parsed.MaxReturned is null)
        {
            status = 500;
            severity = "Warn";
            message = StatusMessages.PartlyNotFound(missing);
        }
        else if (records.Count == 0)
        {
            status = 1;
            message = StatusMessages.NoMatch;
        }

        var includeLines = parsed.IncludeLineItems;
        var includeOnly = parsed.IncludeRetElements;
        var offset = context.Company.UtcOffset;
        return new RequestResult
        {
            ResponseName = responseName,
            RequestId = requestId,
            StatusCode = status,
            Severity = severity,
            Message = message,
            RetCount = records.Count,
            IteratorRemainingCount = remaining,
            IteratorId = returnedIteratorId,
            RecordsReturned = records.Count,
            Body = writer =>
            {
                foreach (var record in records)
                {
                    RetWriter.Write(writer, record, offset, includeLines, includeOnly);
                }
            },
        };
    }

    /// <summary>
    /// The iterator's next page and how many records remain after it, over the file as it is now:
    /// the keys listed when the iterator last read the file are used while nothing has changed,
    /// and listed again from the current position when something has.
    /// </summary>
    private static (List<StoredRecord> Records, long Remaining) NextPage(QueryIterator live, CompanyStore store)
    {
        var stamp = store.DataStamp();
        if (live.Keys is null || live.KeysStamp != stamp)
        {
            live.Keys = store.QueryKeys(live.Filter, live.Position);
            live.KeysTaken = 0;
            live.KeysStamp = stamp;
        }

        var take = Math.Min(live.MaxReturned, live.Keys.Count - live.KeysTaken);
        var keys = live.Keys.GetRange(live.KeysTaken, take);
        var records = take == 0 ? [] : store.ReadKeys(keys);
        live.KeysTaken += take;
        if (take > 0)
        {
            live.Position = keys[^1];
        }

        return (records, records.Count == 0 ? 0 : live.Keys.Count - live.KeysTaken);
    }

    /// <summary>The request's criteria, to check that a Continue resends those of its Start.</summary>
    private static string Signature(XElement request) =>
        string.Concat(request.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)));
}
