using System.Globalization;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Value formats as QuickBooks writes and reads them in qbXML.</summary>
internal static class QbFormat
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2038, 1, 19, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A time as QuickBooks returns it: host-local with a fixed offset (QuickBooks ignores daylight saving here).</summary>
    public static string DateTime(long unixSeconds, TimeSpan offset) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.00###", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// Parses a DATETIMETYPE or DATETYPE bound of a filter. A value without an offset is host-local time;
    /// a date alone means the start of the day (lower bound) or its last second (upper bound), so both bounds are inclusive.
    /// </summary>
    public static bool TryParseBound(string text, TimeSpan hostOffset, bool upper, out long unixSeconds)
    {
        unixSeconds = 0;
        text = text.Trim();
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = new DateTimeOffset(date.ToDateTime(upper ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue), hostOffset);
            unixSeconds = local.ToUnixTimeSeconds();
            return InRange(local);
        }

        foreach (var format in DateTimeFormats)
        {
            if (format.EndsWith('K'))
            {
                if (text.Length > 19 && (text.EndsWith('Z') || text[^6] is '+' or '-')
                    && DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                {
                    unixSeconds = withOffset.ToUnixTimeSeconds();
                    return InRange(withOffset);
                }
            }
            else if (System.DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var plain))
            {
                var local = new DateTimeOffset(System.DateTime.SpecifyKind(plain, DateTimeKind.Unspecified), hostOffset);
                unixSeconds = local.ToUnixTimeSeconds();
                return InRange(local);
            }
        }

        return false;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseAmount(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>A ListID or TxnID in QuickBooks' observed shape, e.g. "80000003-1446676743": a hex counter and the creation time.</summary>
    public static string Id(bool isList, long counter, long createdUnixSeconds) =>
        isList
            ? string.Create(CultureInfo.InvariantCulture, $"{0x80000000L + counter:X8}-{createdUnixSeconds}")
            : string.Create(CultureInfo.InvariantCulture, $"{counter:X}-{createdUnixSeconds}");

    /// <summary>A deterministic, well-mixed 63-bit key: QuickBooks' result order is not the modification order.</summary>
    public static long OrderKey(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (long)(hash & 0x7FFFFFFFFFFFFFFFUL);
    }

    private static bool InRange(DateTimeOffset value) => value >= Earliest && value <= Latest.AddDays(1);
}
