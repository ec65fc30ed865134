using System.Globalization;
using Microsoft.Data.Sqlite;
using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.QbGateway.Tests.Sessions;

namespace QbConnector.QbGateway.Tests.Sandbox.Store;

/// <summary>The postings sums the balance sheet and the profit and loss are built from.</summary>
public sealed class CompanyStorePostingTests : IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxTempDirectory _dir = new();
    private readonly string _file;

    public CompanyStorePostingTests(SandboxCompanyTemplates templates) => _file = _dir.CopyOf(templates.CompanyFile);

    [Theory]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MinValue, 0)]
    [InlineData(0, 30)]
    [InlineData(0, 90)]
    public void Sums_per_account_equal_the_postings_added_up_one_by_one(int fromOffset, int toOffset)
    {
        var postings = ReadPostings();
        var firstDay = postings.Min(p => p.Day);
        var lastDay = postings.Max(p => p.Day);
        var middle = firstDay + ((lastDay - firstDay) / 2);
        var from = fromOffset == int.MinValue ? int.MinValue : middle + fromOffset;
        var to = toOffset == int.MaxValue ? int.MaxValue : middle + toOffset;
        var expected = postings.Where(p => p.Day >= from && p.Day <= to)
            .GroupBy(p => p.Account)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));

        using var store = CompanyStore.Open(_file);
        var sums = store.SumPostings(from, to);

        sums.Should().BeEquivalentTo(expected);
        expected.Should().NotBeEmpty();
        expected.Values.Should().Contain(v => v < 0).And.Contain(v => v != decimal.Truncate(v));
    }

    [Fact]
    public void Sums_follow_postings_changed_by_this_store_and_by_another_program()
    {
        using var store = CompanyStore.Open(_file);
        var day = ReadPostings().Max(p => p.Day);
        var before = store.SumPostings(day, day);

        store.ReplacePostings("test-txn", [new Posting("test-account", day, 12.34m), new Posting("test-account", day, -0.30m)]);
        var afterOwn = store.SumPostings(day, day);
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString()))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "INSERT INTO postings(txn_id, account_id, day, amount) VALUES ('other-txn', 'test-account', $day, '100.05')";
            command.Parameters.AddWithValue("$day", day);
            command.ExecuteNonQuery();
        }

        var afterOther = store.SumPostings(day, day);

        before.Should().NotContainKey("test-account");
        afterOwn.Should().Contain("test-account", 12.04m);
        afterOther.Should().Contain("test-account", 112.09m);
        afterOther.Where(p => p.Key != "test-account").Should().BeEquivalentTo(before);
    }

    public void Dispose() => _dir.Dispose();

    private List<(string Account, int Day, decimal Amount)> ReadPostings()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT account_id, day, amount FROM postings";
        using var reader = command.ExecuteReader();
        var postings = new List<(string, int, decimal)>();
        while (reader.Read())
        {
            postings.Add((reader.GetString(0), reader.GetInt32(1), decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return postings;
    }
}
