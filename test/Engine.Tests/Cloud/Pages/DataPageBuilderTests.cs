using System.Text;
using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Pages;
using QbConnector.QbGateway.Records;

namespace QbConnector.Engine.Tests.Cloud.Pages;

public class DataPageBuilderTests
{
    [Fact]
    public void A_record_carries_its_keys_and_its_neutral_json_losslessly()
    {
        var record = Customer("80000001-1", "1700000000", "Acme <&> \"Ltd\" 😈");

        var encoded = RecordEncoder.Encode(record);

        encoded.Id.Should().Be("80000001-1");
        encoded.EditSequence.Should().Be("1700000000");
        encoded.TimeModified.Should().Be("2024-03-01T10:15:00-05:00");
        encoded.TimeModifiedUtc.ToDateTimeOffset().Should().Be(new DateTimeOffset(2024, 3, 1, 15, 15, 0, TimeSpan.Zero));
        QbRecordJson.Deserialize(Encoding.UTF8.GetString(encoded.Json.Span)).Should().Be(record);
    }

    [Fact]
    public void Records_encoded_one_after_another_on_one_thread_keep_nothing_of_each_other()
    {
        var large = Customer("80000002-1", "1", new string('L', 100_000));
        var small = Customer("80000003-1", "2", "S");

        var first = RecordEncoder.Encode(large);
        var second = RecordEncoder.Encode(small);
        var again = RecordEncoder.Encode(large);

        QbRecordJson.Deserialize(Encoding.UTF8.GetString(second.Json.Span)).Should().Be(small);
        second.Json.Length.Should().BeLessThan(1_000);
        again.Json.Should().Equal(first.Json);
    }

    [Fact]
    public void A_deleted_record_is_flagged()
    {
        var deleted = new QbDeletedRecord("customers", "Customer", "80000009-1", "2024-01-01T00:00:00-05:00", "2024-05-01T09:00:00-05:00", "Gone Ltd", false);

        var encoded = RecordEncoder.EncodeDeleted(deleted);

        encoded.Deleted.Should().BeTrue();
        encoded.Id.Should().Be("80000009-1");
        QbRecordJson.DeserializeDeleted(Encoding.UTF8.GetString(encoded.Json.Span)).Should().Be(deleted);
    }

    [Fact]
    public void Small_pages_travel_plain_and_large_ones_gzipped_with_the_same_records()
    {
        var small = Enumerable.Range(0, 5).Select(i => RecordEncoder.Encode(Customer($"{i}", "1", "Small"))).ToList();
        var large = Enumerable.Range(0, 400).Select(i => RecordEncoder.Encode(Customer($"{i}", "1", new string('x', 1000)))).ToList();

        var smallPage = DataPageBuilder.Build("c1", "w1", "customers", small).DataPage;
        var largePage = DataPageBuilder.Build("c1", "w1", "customers", large).DataPage;

        smallPage.Compressed.Should().BeFalse();
        DataPageBuilder.ReadRecords(smallPage).Should().Equal(small);
        largePage.Compressed.Should().BeTrue();
        largePage.Records.Should().BeEmpty();
        largePage.CalculateSize().Should().BeLessThan(DataPageBuilder.CompressAboveBytes);
        DataPageBuilder.ReadRecords(largePage).Should().Equal(large);
    }

    [Fact]
    public void Durable_messages_get_their_sequence_and_others_are_refused()
    {
        var page = DataPageBuilder.WithSequence(DataPageBuilder.Build("c1", "w1", "customers", []), 7);
        var done = DataPageBuilder.WithSequence(new ClientMessage { WorkCompleted = new WorkCompleted { WorkId = "w1" } }, 8);

        page.DataPage.Sequence.Should().Be(7UL);
        done.WorkCompleted.Sequence.Should().Be(8UL);
        var heartbeat = () => DataPageBuilder.WithSequence(new ClientMessage { Heartbeat = new Heartbeat() }, 9);
        heartbeat.Should().Throw<ArgumentException>();
    }

    private static QbRecord Customer(string id, string editSequence, string name) =>
        new("customers", "CustomerRet",
        [
            QbField.Leaf("ListID", id),
            QbField.Leaf("TimeCreated", "2024-01-01T09:00:00-05:00"),
            QbField.Leaf("TimeModified", "2024-03-01T10:15:00-05:00"),
            QbField.Leaf("EditSequence", editSequence),
            QbField.Leaf("Name", name),
            QbField.Aggregate("BillAddress", [QbField.Leaf("Addr1", "1 Main St"), QbField.Leaf("City", "Springfield")]),
        ]);
}
