using System.Globalization;
using QbConnector.QbGateway.Errors;

namespace QbConnector.QbGateway.Tests.Errors;

public class QbErrorMappingTests
{
    private static IReadOnlyList<(int Code, string Message)> SharedTable() =>
        File.ReadAllLines(SharedFiles.SdkHResultsTsv)
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (int.Parse(p[0][2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), p[1]))
            .ToList();

    [Fact]
    public void Every_sdk_hresult_is_mapped_and_no_other()
    {
        var shared = SharedTable();
        shared.Should().HaveCount(58);
        QbSdkErrors.All.Select(e => e.HResult).Should().BeEquivalentTo(shared.Select(s => s.Code));
        QbSdkErrors.All.Should().OnlyContain(e => e.PlainMessage.Length > 0 && e.Fix.Length > 0);
        QbSdkErrors.All.Select(e => e.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(0x8004040A, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040408, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040414, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040418, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040420, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040438, QbErrorClass.NeedsPerson)]
    [InlineData(0x80040424, QbErrorClass.RetryLater)]
    [InlineData(0x8004041B, QbErrorClass.RetryLater)]
    [InlineData(0x80040400, QbErrorClass.RequestInvalid)]
    [InlineData(0x80040413, QbErrorClass.RequestInvalid)]
    public void Hresults_fall_in_the_documented_class(uint hresult, QbErrorClass expected)
    {
        QbSdkErrors.Get(unchecked((int)hresult)).ErrorClass.Should().Be(expected);
    }

    [Fact]
    public void Exception_carries_plain_words_and_the_fix_with_the_file()
    {
        var ex = QbSdkErrors.ToException(unchecked((int)0x8004040A), "A QuickBooks company data file is already open…", @"C:\Books\Acme.qbw");
        ex.HResultHex.Should().Be("0x8004040A");
        ex.ErrorClass.Should().Be(QbErrorClass.NeedsPerson);
        ex.PlainMessage.Should().Be("Another company file is open in QuickBooks.");
        ex.Fix.Should().Be(@"Close it in QuickBooks (File > Close Company), or open C:\Books\Acme.qbw; the connector will continue by itself.");
    }

    [Fact]
    public void Unknown_hresults_are_retried()
    {
        QbSdkErrors.Find(unchecked((int)0x80010105)).Should().BeNull();
        QbSdkErrors.Get(unchecked((int)0x80010105)).ErrorClass.Should().Be(QbErrorClass.RetryLater);
    }

    [Theory]
    [InlineData(0, "Info", null)]
    [InlineData(1, "Info", null)]
    [InlineData(500, "Warn", null)]
    [InlineData(3170, "Error", QbErrorClass.RetryLater)]
    [InlineData(3175, "Error", QbErrorClass.RetryLater)]
    [InlineData(3176, "Error", QbErrorClass.RetryLater)]
    [InlineData(3180, "Error", QbErrorClass.RetryLater)]
    [InlineData(3391, "Error", QbErrorClass.RetryLater)]
    [InlineData(3200, "Error", QbErrorClass.RequestInvalid)]
    [InlineData(3100, "Error", QbErrorClass.RequestInvalid)]
    [InlineData(3120, "Error", QbErrorClass.RequestInvalid)]
    [InlineData(1060, "Error", QbErrorClass.RequestInvalid)]
    [InlineData(3260, "Error", QbErrorClass.NeedsPerson)]
    [InlineData(9999, "Error", QbErrorClass.RequestInvalid)]
    [InlineData(9998, "Warn", null)]
    public void Status_codes_map_to_classes(int code, string severity, QbErrorClass? expected)
    {
        var status = QbStatusCodes.Get(code, severity);
        status.ErrorClass.Should().Be(expected);
        status.IsError.Should().Be(expected is not null);
        status.PlainMessage.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Status_exception_is_typed()
    {
        var ex = new QbStatusException(3200, "Error", "The provided edit sequence is out-of-date.", "r1", "CustomerModRs");
        ex.ErrorClass.Should().Be(QbErrorClass.RequestInvalid);
        ex.Status.Name.Should().Be("EditSequenceOutOfDate");
        ex.Message.Should().Contain("3200");
    }
}
