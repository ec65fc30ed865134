using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Tests.Store;

public sealed class RecordStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("record-store-");
    private readonly EmulatorDatabase _database;
    private readonly RecordStore _records;

    public RecordStoreTests()
    {
        _database = new EmulatorDatabase(_dir.FullName);
        _records = new RecordStore(_database, TimeProvider.System);
    }

    [Fact]
    public void A_page_is_stored_once_per_company_and_sequence()
    {
        var page = new IncomingPage("c1", 7, null, "items", [Rec("1", 5)]);

        _records.StorePage(page).Should().BeTrue();
        _records.StorePage(page with { Records = [Rec("1", 9), Rec("2", 1)] }).Should().BeFalse();
        _records.StorePage(page with { CompanyId = "c2" }).Should().BeTrue("sequences are per company");

        _records.Stats("c1", "items").Should().BeEquivalentTo(new { DistinctRecords = 1, Deliveries = 1 });
        _records.Get("c1", "items", "1")!.EditSequence.Should().Be("5");
    }

    [Fact]
    public void Whatever_order_states_arrive_in_the_newest_one_is_kept_and_every_delivery_counted()
    {
        var sequence = 0UL;
        Prop.ForAll(
            Gen.Choose(1, 1_000_000).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            editSequences =>
            {
                var id = "rec-" + sequence.ToString(CultureInfo.InvariantCulture);
                foreach (var edit in editSequences)
                {
                    _records.StorePage(new IncomingPage("c", ++sequence, null, "customers", [Rec(id, edit)]));
                }

                var stored = _records.Get("c", "customers", id)!;
                return stored.EditSequence == editSequences.Max().ToString(CultureInfo.InvariantCulture)
                    && stored.Deliveries == editSequences.Length;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_delete_is_final_even_if_an_older_state_arrives_later()
    {
        _records.StorePage(new IncomingPage("c", 1, null, "invoices", [Rec("T", 10)]));
        _records.StorePage(new IncomingPage("c", 2, null, "invoices", [new IncomingRecord("T", string.Empty, "2024-02-01T00:00:00", null, true, [])]));
        _records.StorePage(new IncomingPage("c", 3, null, "invoices", [Rec("T", 11)]));

        _records.Get("c", "invoices", "T")!.Deleted.Should().BeTrue();
        _records.Stats("c", "invoices").ExistingRecords.Should().Be(0);
    }

    [Fact]
    public void Without_numeric_edit_sequences_the_later_modification_time_wins()
    {
        var earlier = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _records.StorePage(new IncomingPage("c", 1, null, "items", [new IncomingRecord("X", "b", "t2", earlier.AddHours(1), false, "{\"v\":2}"u8.ToArray())]));
        _records.StorePage(new IncomingPage("c", 2, null, "items", [new IncomingRecord("X", "a", "t1", earlier, false, "{\"v\":1}"u8.ToArray())]));

        _records.Get("c", "items", "X")!.EditSequence.Should().Be("b");
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private static IncomingRecord Rec(string id, int editSequence) =>
        new(id, editSequence.ToString(CultureInfo.InvariantCulture), "2024-01-01T10:00:00-05:00", null, false, "{}"u8.ToArray());
}
