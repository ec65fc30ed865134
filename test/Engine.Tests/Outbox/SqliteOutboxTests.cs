using Microsoft.Data.Sqlite;
using QbConnector.Engine.Outbox;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Outbox;

public sealed class SqliteOutboxTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("outbox-").FullName;

    private string FilePath => Path.Combine(_dir, "outbox.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sequences_increase_per_company_and_are_independent_between_companies()
    {
        using var outbox = SqliteOutbox.Open(FilePath);

        var a1 = await outbox.AppendAsync(Page("A", 3));
        var b1 = await outbox.AppendAsync(Page("B", 3));
        var a2 = await outbox.AppendAsync(Page("A", 3));

        a1.Sequence.Should().Be(1);
        a2.Sequence.Should().Be(2);
        b1.Sequence.Should().Be(1);
    }

    [Fact]
    public async Task Pages_survive_reopening_the_file_and_sequence_numbers_are_never_reused()
    {
        using (var outbox = SqliteOutbox.Open(FilePath))
        {
            await outbox.AppendAsync(Page("A", 10, payload: [1, 2, 3]));
            var second = await outbox.AppendAsync(Page("A", 5));
            await outbox.AcknowledgeAsync("A", second.Sequence);
        }

        using var reopened = SqliteOutbox.Open(FilePath);
        var pending = await reopened.ReadPendingAsync("A", 0, 100);
        pending.Should().ContainSingle();
        pending[0].Sequence.Should().Be(1);
        pending[0].Payload.ToArray().Should().Equal(1, 2, 3);
        pending[0].RecordCount.Should().Be(10);
        reopened.PendingBytes.Should().Be(3);

        var third = await reopened.AppendAsync(Page("A", 1));
        third.Sequence.Should().Be(3, "an acknowledged sequence number must never be handed out again");
    }

    [Fact]
    public async Task Acknowledged_pages_are_forgotten_and_unknown_acknowledgements_are_harmless()
    {
        using var outbox = SqliteOutbox.Open(FilePath);
        var first = await outbox.AppendAsync(Page("A", 1, payload: new byte[100]));
        await outbox.AppendAsync(Page("A", 1, payload: new byte[50]));

        await outbox.AcknowledgeAsync("A", first.Sequence);
        await outbox.AcknowledgeAsync("A", first.Sequence);
        await outbox.AcknowledgeAsync("A", 999);
        await outbox.AcknowledgeAsync("nobody", 1);

        (await outbox.ReadPendingAsync("A", 0, 10)).Select(p => p.Sequence).Should().Equal(2);
        outbox.PendingBytes.Should().Be(50);
    }

    [Fact]
    public async Task Pending_pages_are_read_in_order_after_a_sequence_and_up_to_a_limit()
    {
        using var outbox = SqliteOutbox.Open(FilePath);
        for (var i = 0; i < 6; i++)
        {
            await outbox.AppendAsync(Page("A", i));
        }

        var pages = await outbox.ReadPendingAsync("A", afterSequence: 2, max: 3);

        pages.Select(p => p.Sequence).Should().Equal(3, 4, 5);
        (await outbox.CountPendingAsync("A")).Should().Be(6);
    }

    [Fact]
    public async Task A_full_budget_refuses_new_pages_without_losing_stored_ones_until_acknowledgements_free_space()
    {
        using var outbox = SqliteOutbox.Open(FilePath, budgetBytes: 250);
        var first = await outbox.AppendAsync(Page("A", 1, payload: new byte[100]));
        await outbox.AppendAsync(Page("A", 1, payload: new byte[100]));

        var refused = () => outbox.AppendAsync(Page("A", 1, payload: new byte[100]));

        (await refused.Should().ThrowAsync<OutboxFullException>()).Which.BudgetBytes.Should().Be(250);
        (await outbox.CountPendingAsync("A")).Should().Be(2);

        await outbox.AcknowledgeAsync("A", first.Sequence);
        (await outbox.AppendAsync(Page("A", 1, payload: new byte[100]))).Sequence.Should().Be(3);
    }

    [Fact]
    public async Task A_full_disk_gives_a_clear_error_and_keeps_every_page_already_stored()
    {
        using var outbox = SqliteOutbox.Open(FilePath);
        await outbox.AppendAsync(Page("A", 1, payload: new byte[100]));
        outbox.LimitPageCount(1);

        var append = () => outbox.AppendAsync(Page("A", 1, payload: new byte[64 * 1024]));

        (await append.Should().ThrowAsync<OutboxStorageException>()).WithMessage("*disk*full*");
        (await outbox.ReadPendingAsync("A", 0, 10)).Should().ContainSingle().Which.Sequence.Should().Be(1);
        outbox.PendingBytes.Should().Be(100);
    }

    [Fact]
    public async Task Record_states_stored_in_a_page_are_recognised_when_fetched_again_even_after_reopening()
    {
        var t = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var a1 = new OutboxRecordKey("80000001-1", "100", t);
        var b1 = new OutboxRecordKey("80000002-1", "200", t.AddHours(1));
        using (var outbox = SqliteOutbox.Open(FilePath))
        {
            await outbox.AppendAsync(Page("A", 2) with { Keys = [a1, b1] });
        }

        using var reopened = SqliteOutbox.Open(FilePath);
        var a1Modified = a1 with { EditSequence = "101" };
        var seen = await reopened.FindSeenAsync("A", "customers", [a1, a1Modified, b1, new OutboxRecordKey("80000003-1", "1", t)]);

        seen.Should().BeEquivalentTo([a1, b1], "a new EditSequence is a new state that must be sent");
        (await reopened.FindSeenAsync("A", "vendors", [a1])).Should().BeEmpty("data types are kept apart");
        (await reopened.FindSeenAsync("B", "customers", [a1])).Should().BeEmpty("companies are kept apart");
    }

    [Fact]
    public async Task Remembered_states_are_found_whatever_characters_their_ids_hold()
    {
        var t = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        OutboxRecordKey[] odd = [new("quote\"and\\slash", "1", t), new("ünï ©ode ✓", "2", t), new("[1,2]", "3", t), new("", "4", t)];
        using var outbox = SqliteOutbox.Open(FilePath);
        await outbox.AppendAsync(Page("A", odd.Length) with { Keys = odd });

        var seen = await outbox.FindSeenAsync("A", "customers", [.. odd, new OutboxRecordKey("1", "1", t), odd[0] with { EditSequence = "9" }]);

        seen.Should().BeEquivalentTo(odd);
    }

    [Fact]
    public async Task Known_ids_not_confirmed_since_a_pass_began_are_its_unconfirmed_ones()
    {
        using var outbox = SqliteOutbox.Open(FilePath);
        await outbox.ConfirmKnownAsync("A", "customers", ["1", "2", "quote\"d", "ünï"], stamp: 10);
        await outbox.ConfirmKnownAsync("A", "vendors", ["9"], stamp: 10);
        await outbox.ConfirmKnownAsync("B", "customers", ["8"], stamp: 10);

        await outbox.ConfirmKnownAsync("A", "customers", ["2", "quote\"d", "3", "3"], stamp: 20);
        await outbox.ConfirmKnownAsync("A", "customers", ["2"], stamp: 15);

        (await outbox.UnconfirmedAsync("A", "customers", 20)).Should().Equal("1", "ünï");
        (await outbox.UnconfirmedAsync("A", "customers", 11)).Should().Equal("1", "ünï");
        (await outbox.UnconfirmedAsync("A", "customers", 10)).Should().BeEmpty();
        (await outbox.UnconfirmedAsync("A", "vendors", 20)).Should().Equal("9");
        (await outbox.UnconfirmedAsync("B", "customers", 20)).Should().Equal("8");
    }

    [Fact]
    public async Task Remembered_states_older_than_the_overlap_are_forgotten()
    {
        var t = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var old = new OutboxRecordKey("1", "1", t);
        var recent = new OutboxRecordKey("2", "1", t.AddHours(3));
        using var outbox = SqliteOutbox.Open(FilePath);
        await outbox.AppendAsync(Page("A", 2) with { Keys = [old, recent] });

        await outbox.ForgetSeenBeforeAsync("A", "customers", t.AddHours(1));

        (await outbox.FindSeenAsync("A", "customers", [old, recent])).Should().BeEquivalentTo([recent]);
    }

    [Fact]
    public async Task Deleting_a_company_drops_only_its_pages()
    {
        using var outbox = SqliteOutbox.Open(FilePath);
        await outbox.AppendAsync(Page("A", 1, payload: new byte[10]));
        await outbox.AppendAsync(Page("B", 1, payload: new byte[20]));

        await outbox.AppendAsync(Page("A", 1) with { Keys = [new OutboxRecordKey("1", "1", DateTimeOffset.UnixEpoch)] });

        (await outbox.PendingCompaniesAsync()).Should().Equal("A", "B");

        await outbox.DeleteCompanyAsync("A");

        (await outbox.PendingCompaniesAsync()).Should().Equal("B");

        (await outbox.CountPendingAsync("A")).Should().Be(0);
        (await outbox.FindSeenAsync("A", "customers", [new OutboxRecordKey("1", "1", DateTimeOffset.UnixEpoch)])).Should().BeEmpty();
        (await outbox.CountPendingAsync("B")).Should().Be(1);
        outbox.PendingBytes.Should().Be(20);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode()
    {
        using (var outbox = SqliteOutbox.Open(FilePath))
        {
            await outbox.AppendAsync(Page("A", 1));
        }

        using var probe = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        probe.Open();
        using var command = probe.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        ((string)command.ExecuteScalar()!).Should().Be("wal");
    }

    [Fact]
    public void A_file_that_is_not_an_outbox_is_refused_with_its_name_and_left_untouched()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(FilePath, garbage);

        var open = () => SqliteOutbox.Open(FilePath);

        open.Should().Throw<OutboxStorageException>().WithMessage($"*{FilePath}*left as it is*");
        File.ReadAllBytes(FilePath).Should().Equal(garbage);
    }

    [Fact]
    public void A_file_from_a_newer_version_is_refused()
    {
        using (var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var open = () => SqliteOutbox.Open(FilePath);

        open.Should().Throw<OutboxStorageException>().WithMessage("*newer version*");
    }

    [Fact]
    public async Task Pages_carry_their_creation_time_from_the_clock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var outbox = SqliteOutbox.Open(FilePath, time: clock);

        await outbox.AppendAsync(Page("A", 1));

        (await outbox.ReadPendingAsync("A", 0, 1))[0].CreatedAt.Should().Be(clock.GetUtcNow());
    }

    private static NewOutboxPage Page(string company, int records, byte[]? payload = null) =>
        new(company, "work-1", "customers", records, payload ?? [42]);
}
