namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>
/// Every account's postings summed per day, with running totals, so that the sum over any range of
/// days is two binary searches: reports ask for many ranges over the same postings.
/// </summary>
internal sealed class PostingTotals
{
    private readonly Dictionary<string, (int[] Days, long[] Running)> _accounts;

    private PostingTotals(Dictionary<string, (int[] Days, long[] Running)> accounts) => _accounts = accounts;

    /// <summary>Builds the totals from (account, day, cents) rows ordered by account, then day.</summary>
    public static PostingTotals FromOrderedDays(IEnumerable<(string Account, int Day, long Cents)> rows)
    {
        var accounts = new Dictionary<string, (int[], long[])>(StringComparer.Ordinal);
        string? account = null;
        var days = new List<int>();
        var running = new List<long> { 0 };
        foreach (var (name, day, cents) in rows)
        {
            if (!string.Equals(name, account, StringComparison.Ordinal))
            {
                Close();
                account = name;
            }

            days.Add(day);
            running.Add(running[^1] + cents);
        }

        Close();
        return new PostingTotals(accounts);

        void Close()
        {
            if (account is not null)
            {
                accounts[account] = (days.ToArray(), running.ToArray());
            }

            days.Clear();
            running.Clear();
            running.Add(0);
        }
    }

    /// <summary>Sum in cents per account with at least one posting on a day in [fromDay, toDay].</summary>
    public Dictionary<string, long> Sum(int fromDay, int toDay)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (account, (days, running)) in _accounts)
        {
            var first = LowerBound(days, fromDay);
            var end = toDay == int.MaxValue ? days.Length : LowerBound(days, toDay + 1);
            if (end > first)
            {
                sums[account] = running[end] - running[first];
            }
        }

        return sums;
    }

    /// <summary>Index of the first day not before <paramref name="day"/>.</summary>
    private static int LowerBound(int[] days, int day)
    {
        var index = Array.BinarySearch(days, day);
        if (index < 0)
        {
            return ~index;
        }

        // Days are distinct per account, so an exact match is the first such day.
        return index;
    }
}
