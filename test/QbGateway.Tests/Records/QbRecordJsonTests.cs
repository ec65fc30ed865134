using System.Text.Json;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Records;

public class QbRecordJsonTests
{
    [Fact]
    public void Json_is_readable_objects_with_arrays_for_repeated_elements()
    {
        var record = new QbRecord("customers", "CustomerRet",
        [
            QbField.Leaf("ListID", "80000001-1"),
            QbField.Leaf("EditSequence", "9"),
            QbField.Aggregate("BillAddress", QbField.Leaf("Addr1", "1 Main")),
            QbField.Leaf("Phone", "1"),
            QbField.Leaf("Phone", "2"),
        ]);

        using var doc = JsonDocument.Parse(QbRecordJson.Serialize(record));
        var root = doc.RootElement;
        root.GetProperty("dataType").GetString().Should().Be("customers");
        root.GetProperty("id").GetString().Should().Be("80000001-1");
        var fields = root.GetProperty("fields");
        fields.GetProperty("BillAddress").GetProperty("Addr1").GetString().Should().Be("1 Main");
        fields.GetProperty("Phone").EnumerateArray().Select(e => e.GetString()).Should().Equal("1", "2");
        fields.TryGetProperty(QbRecordJson.OrderProperty, out _).Should().BeFalse("contiguous repeats need no order list");
    }

    [Fact]
    public void Interleaved_repeats_keep_their_order_through_an_order_list()
    {
        var record = new QbRecord("journalEntries", "JournalEntryRet",
        [
            QbField.Leaf("TxnID", "T1"),
            QbField.Aggregate("JournalDebitLine", QbField.Leaf("Amount", "1")),
            QbField.Aggregate("JournalCreditLine", QbField.Leaf("Amount", "1")),
            QbField.Aggregate("JournalDebitLine", QbField.Leaf("Amount", "2")),
        ]);

        var json = QbRecordJson.Serialize(record);
        json.Should().Contain("\"$order\":[\"TxnID\",\"JournalDebitLine\",\"JournalCreditLine\",\"JournalDebitLine\"]");
        QbRecordJson.Deserialize(json).Should().Be(record);
    }

    [Fact]
    public void Cloud_json_with_numbers_and_booleans_reads_as_text()
    {
        var fields = QbRecordJson.DeserializeAggregate("CustomerAdd", """{"Name":"Ada","CreditLimit":1500.50,"IsActive":true,"Line":[{"Amount":1},{"Amount":2}]}""");
        fields.ValueAt("CreditLimit").Should().Be("1500.50");
        fields.ValueAt("IsActive").Should().Be("true");
        fields.ChildrenNamed("Line").Select(l => l.ValueAt("Amount")).Should().Equal("1", "2");
    }

    [Theory]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"bad name":"v"}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"A><B":"v"}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"A":null}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"A":[[1]]}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"$order":["A","A"],"A":"1"}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"$order":[],"A":"1"}}""")]
    [InlineData("""{"dataType":"x","retElement":"<R>","fields":{}}""")]
    [InlineData("""{"dataType":"x","fields":{}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"A":{"#text":"v","B":"c"}}}""")]
    [InlineData("""{"dataType":"x","retElement":"R","fields":{"A":"\uD800"}}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Malformed_json_is_refused_with_a_format_error(string json)
    {
        var act = () => QbRecordJson.Deserialize(json);
        act.Should().Throw<QbRecordFormatException>();
    }

    [Fact]
    public void Deleted_records_round_trip()
    {
        var deleted = new QbDeletedRecord("items", "ItemService", "80000009-1", "2020-01-01T00:00:00", "2024-02-02T10:00:00-05:00", "Consulting", false);
        QbRecordJson.DeserializeDeleted(QbRecordJson.SerializeDeleted(deleted)).Should().Be(deleted);
        deleted.TimeDeletedValue.Should().Be(new DateTimeOffset(2024, 2, 2, 10, 0, 0, TimeSpan.FromHours(-5)));
    }
}
