using System.Xml.Linq;
using QbConnector.Engine.Sync.Fetching;
using QbConnector.Engine.Sync.Windows;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Tests.Qbxml;

namespace QbConnector.Engine.Tests.Sync.Fetching;

public class SyncRequestsTests
{
    private static readonly SyncWindow Window = new(
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
        new DateTimeOffset(2024, 3, 31, 23, 59, 59, TimeSpan.FromHours(-5)));

    private readonly SyncRequests _requests = new(pageSize: 250);

    public static TheoryData<string> SyncedEntities() => Entities(_ => true);

    public static TheoryData<string> IteratorEntities() => Entities(e => e.SupportsIterator);

    public static TheoryData<string> DeleteTrackingEntities() => Entities(SyncRequests.TracksDeletes);

    [Theory]
    [MemberData(nameof(SyncedEntities))]
    public void Window_requests_validate_and_ask_for_everything_QuickBooks_hides_by_default(string dataType)
    {
        var entity = QbCatalog.GetByDataType(dataType);

        var start = _requests.WindowStart(entity, Window, "w1-1");

        QbXmlSchema.ShouldBeValid(start);
        var query = Query(start);
        if (entity.SupportsIterator)
        {
            query.Attribute("iterator")!.Value.Should().Be("Start");
            query.Element("MaxReturned")!.Value.Should().Be("250");
        }
        else
        {
            query.Attribute("iterator").Should().BeNull();
        }

        if (entity.SupportsActiveStatus)
        {
            query.Element("ActiveStatus")!.Value.Should().Be("All");
        }

        if (entity.SupportsIncludeLineItems)
        {
            query.Element("IncludeLineItems")!.Value.Should().Be("true");
        }

        var dates = entity.Kind == QbEntityKind.Transaction ? query.Element("ModifiedDateRangeFilter")! : query;
        dates.Element("FromModifiedDate")!.Value.Should().Be("2024-01-01T00:00:00-05:00");
        dates.Element("ToModifiedDate")!.Value.Should().Be("2024-03-31T23:59:59-05:00");
    }

    [Theory]
    [MemberData(nameof(IteratorEntities))]
    public void A_continuation_resends_the_same_criteria_with_the_iterator(string dataType)
    {
        var entity = QbCatalog.GetByDataType(dataType);
        var start = Query(_requests.WindowStart(entity, Window, "r"));
        var next = Query(_requests.WindowContinue(entity, Window, "r", "{abc-123}"));

        next.Attribute("iterator")!.Value.Should().Be("Continue");
        next.Attribute("iteratorID")!.Value.Should().Be("{abc-123}");
        next.Elements().Select(e => e.ToString()).Should().Equal(start.Elements().Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(DeleteTrackingEntities))]
    public void Delete_queries_validate_for_every_entity_that_tracks_deletes(string dataType)
    {
        var entity = QbCatalog.GetByDataType(dataType);
        QbXmlSchema.ShouldBeValid(_requests.Deleted(entity, Window.From, Window.To, "d1"));
    }

    [Fact]
    public void Company_host_and_report_requests_validate()
    {
        QbXmlSchema.ShouldBeValid(_requests.Company("c"));
        QbXmlSchema.ShouldBeValid(_requests.Host("h"));
        QbXmlSchema.ShouldBeValid(_requests.Report(QbCatalog.BalanceSheet, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), "r"));
        QbXmlSchema.ShouldBeValid(_requests.Report(QbCatalog.ProfitAndLoss, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), "r"));
    }

    private static TheoryData<string> Entities(Func<QbEntity, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var entity in QbCatalog.All.Where(e => e.Kind is QbEntityKind.List or QbEntityKind.Transaction).Where(include))
        {
            data.Add(entity.DataType);
        }

        return data;
    }

    private static XElement Query(string xml) =>
        XDocument.Parse(xml).Root!.Element("QBXMLMsgsRq")!.Elements().Single();
}
