using System.Globalization;
using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Queries;

/// <summary>A query request's criteria, parsed and checked (3020 bad date, 3030 from after to).</summary>
internal sealed class QueryCriteria
{
    public RecordFilter? Filter { get; private init; }

    public (int Code, string Message)? Error { get; private init; }

    public int? MaxReturned { get; private init; }

    public bool IncludeLineItems { get; private init; }

    public IReadOnlySet<string>? IncludeRetElements { get; private init; }

    public IReadOnlyList<string>? RequestedIds { get; private init; }

    public IReadOnlyList<string>? RequestedNames { get; private init; }

    public static QueryCriteria Parse(XElement request, SessionContext context, IReadOnlyList<SandboxDataType> types)
    {
        var isList = types[0].IsList;
        var offset = context.Company.UtcOffset;
        var ids = Values(request, isList ? "ListID" : "TxnID");
        var names = isList ? Values(request, "FullName") : null;
        var refNumbers = isList ? null : Values(request, "RefNumber") ?? Values(request, "RefNumberCaseSensitive");
        int? maxReturned = null;
        if (request.Element("MaxReturned") is { } max)
        {
            if (!int.TryParse(max.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return Fail(3210, StatusMessages.InvalidValue("MaxReturned", max.Value));
            }

            maxReturned = value;
        }

        var byIdentity = ids is not null || names is not null || refNumbers is not null;
        bool? active = true;
        if (!byIdentity)
        {
            active = request.Element("ActiveStatus")?.Value.Trim() switch
            {
                "All" => null,
                "InactiveOnly" => false,
                _ => true,
            };
        }

        if (!isList)
        {
            active = null;
        }

        var modifiedScope = isList ? request : request.Element("ModifiedDateRangeFilter");
        if (!TryBound(modifiedScope?.Element("FromModifiedDate"), offset, upper: false, out var modifiedFrom, out var error)
            || !TryBound(modifiedScope?.Element("ToModifiedDate"), offset, upper: true, out var modifiedTo, out error))
        {
            return Fail(3020, error!);
        }

        if (modifiedFrom is not null && modifiedTo is not null && modifiedFrom > modifiedTo)
        {
            return Fail(3030, StatusMessages.DateRange(modifiedScope!.Element("FromModifiedDate")!.Value, modifiedScope.Element("ToModifiedDate")!.Value));
        }

        string? txnFrom = null, txnTo = null;
        if (request.Element("TxnDateRangeFilter") is { } txnRange)
        {
            foreach (var (element, upper) in new[] { (txnRange.Element("FromTxnDate"), false), (txnRange.Element("ToTxnDate"), true) })
            {
                if (element is null)
                {
                    continue;
                }

                if (!QbFormat.TryParseDate(element.Value, out var date))
                {
                    return Fail(3020, StatusMessages.BadDate(element.Value, element.Name.LocalName));
                }

                if (upper)
                {
                    txnTo = QbFormat.Date(date);
                }
                else
                {
                    txnFrom = QbFormat.Date(date);
                }
            }

            if (txnFrom is not null && txnTo is not null && string.CompareOrdinal(txnFrom, txnTo) > 0)
            {
                return Fail(3030, StatusMessages.DateRange(txnFrom, txnTo));
            }
        }

        IReadOnlyList<string>? entityIds = null;
        if (request.Element("EntityFilter") is { } entityFilter)
        {
            var resolved = new List<string>();
            foreach (var element in entityFilter.Elements())
            {
                var value = element.Value.Trim();
                if (element.Name.LocalName.StartsWith("ListID", StringComparison.Ordinal))
                {
                    resolved.Add(value);
                }
                else if (context.Store.FindByName(SandboxDataType.Entities.Select(t => t.Name), value) is { } entity)
                {
                    resolved.Add(entity.Id);
                }
            }

            entityIds = resolved;
        }

        string? prefix = null, contains = null, suffix = null, rangeFrom = null, rangeTo = null;
        if (request.Element("NameFilter") is { } nameFilter)
        {
            var text = nameFilter.Element("Name")?.Value ?? string.Empty;
            switch (nameFilter.Element("MatchCriterion")?.Value.Trim())
            {
                case "StartsWith":
                    prefix = text;
                    break;
                case "EndsWith":
                    suffix = text;
                    break;
                default:
                    contains = text;
                    break;
            }
        }

        if (request.Element("NameRangeFilter") is { } nameRange)
        {
            rangeFrom = nameRange.Element("FromName")?.Value;
            rangeTo = nameRange.Element("ToName")?.Value;
        }

        var include = request.Elements("IncludeRetElement").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        return new QueryCriteria
        {
            Filter = new RecordFilter
            {
                Types = [.. types.Select(t => t.Name)],
                Ids = ids,
                Names = names,
                RefNumbers = refNumbers,
                ModifiedFrom = modifiedFrom,
                ModifiedTo = modifiedTo,
                TxnDateFrom = txnFrom,
                TxnDateTo = txnTo,
                Active = active,
                NamePrefix = prefix,
                NameContains = contains,
                NameSuffix = suffix,
                NameRangeFrom = rangeFrom,
                NameRangeTo = rangeTo,
                EntityIds = entityIds,
            },
            MaxReturned = maxReturned,
            IncludeLineItems = string.Equals(request.Element("IncludeLineItems")?.Value.Trim(), "true", StringComparison.Ordinal),
            IncludeRetElements = include.Count == 0 ? null : include,
            RequestedIds = ids,
            RequestedNames = names,
        };
    }

    private static QueryCriteria Fail(int code, string message) => new() { Error = (code, message) };

    private static List<string>? Values(XElement request, string name)
    {
        var values = request.Elements(name).Select(e => e.Value.Trim()).ToList();
        return values.Count == 0 ? null : values;
    }

    private static bool TryBound(XElement? element, TimeSpan offset, bool upper, out long? value, out string? error)
    {
        value = null;
        error = null;
        if (element is null)
        {
            return true;
        }

        if (!QbFormat.TryParseBound(element.Value, offset, upper, out var seconds))
        {
            error = StatusMessages.BadDate(element.Value, element.Name.LocalName);
            return false;
        }

        value = seconds;
        return true;
    }
}
