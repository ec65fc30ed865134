using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Tests.Qbxml.Requests;

public class QbRequestSchemaTests
{
    private static readonly DateTimeOffset From = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateTimeOffset To = new(2024, 3, 31, 23, 59, 59, TimeSpan.FromHours(-4));

    public static TheoryData<string> QueryDataTypes()
    {
        var data = new TheoryData<string>();
        foreach (var e in QbCatalog.All.Where(e => e.Kind is QbEntityKind.List or QbEntityKind.Transaction))
        {
            data.Add(e.DataType);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueryDataTypes))]
    public void Query_with_every_filter_option_validates(string dataType)
    {
        var e = QbCatalog.GetByDataType(dataType);
        var request = new QbQueryRequest(e)
        {
            RequestId = "req-1",
            Iterator = e.SupportsIterator ? QbIterator.Start : QbIterator.None,
            MaxReturned = 250,
            ActiveStatus = QbActiveStatus.All,
            FromModifiedDate = From,
            ToModifiedDate = To,
            IncludeRetElements = ["TimeModified", "EditSequence"],
            OwnerIds = e.SupportsOwnerId ? ["0"] : [],
        };

        var xml = QbRequestWriter.Write(request);
        QbXmlSchema.ShouldBeValid(xml);
        xml.Should().Contain(e.Kind == QbEntityKind.List ? "<FromModifiedDate>2024-01-01T00:00:00-05:00</FromModifiedDate>" : "<ModifiedDateRangeFilter><FromModifiedDate>");
        if (e.Kind == QbEntityKind.Transaction)
        {
            xml.Should().Contain("<IncludeLineItems>true</IncludeLineItems>");
        }
        else
        {
            xml.Should().Contain("<ActiveStatus>All</ActiveStatus>");
        }
    }

    [Theory]
    [MemberData(nameof(QueryDataTypes))]
    public void Query_continuing_an_iterator_or_by_ids_validates(string dataType)
    {
        var e = QbCatalog.GetByDataType(dataType);
        if (e.SupportsIterator)
        {
            QbXmlSchema.ShouldBeValid(QbRequestWriter.Write(new QbQueryRequest(e) { Iterator = QbIterator.Continue, IteratorId = "{abc-123}", MaxReturned = 100, FromModifiedDate = From }));
            QbXmlSchema.ShouldBeValid(QbRequestWriter.Write(new QbQueryRequest(e) { Iterator = QbIterator.Stop, IteratorId = "{abc-123}" }));
        }

        QbXmlSchema.ShouldBeValid(QbRequestWriter.Write(new QbQueryRequest(e) { Ids = ["80000001-1", "80000002-1"], IncludeLineItems = e.SupportsIncludeLineItems ? false : null }));
        if (e != QbCatalog.Deposits)
        {
            QbXmlSchema.ShouldBeValid(QbRequestWriter.Write(new QbQueryRequest(e) { Names = ["A & <B>", "]]>"] }));
        }
    }

    [Fact]
    public void Host_company_deleted_and_report_queries_validate()
    {
        var requests = new QbRequest[]
        {
            new QbHostQueryRequest { RequestId = "h", IncludeRetElements = ["ProductName"] },
            new QbCompanyQueryRequest { RequestId = "c", IncludeRetElements = ["CompanyName"], OwnerIds = ["0"] },
            QbDeletedQueryRequest.ForLists([.. QbCatalog.All.SelectMany(x => x.ListDelTypes)]),
            QbDeletedQueryRequest.ForTransactions([.. QbCatalog.All.Select(x => x.TxnDelType).OfType<string>()]),
            new QbReportQueryRequest("BalanceSheetStandard") { RequestId = "bs", FromReportDate = new DateOnly(2024, 1, 1), ToReportDate = new DateOnly(2024, 3, 31), ReportBasis = "Accrual" },
            new QbReportQueryRequest("ProfitAndLossStandard") { FromReportDate = new DateOnly(2024, 1, 1), ToReportDate = new DateOnly(2024, 3, 31) },
        };

        foreach (var request in requests)
        {
            QbXmlSchema.ShouldBeValid(QbRequestWriter.Write(request));
        }

    }

    [Fact]
    public void Deleted_queries_with_a_date_range_validate()
    {
        foreach (var transactions in new[] { false, true })
        {
            var request = new QbDeletedQueryRequest(transactions, transactions ? ["Invoice", "Bill"] : ["Customer", "ItemService"])
            {
                RequestId = "d",
                FromDeletedDate = From,
                ToDeletedDate = To,
                IncludeRetElements = ["TimeDeleted"],
            };
            var xml = QbRequestWriter.Write(request);
            QbXmlSchema.ShouldBeValid(xml);
            xml.Should().Contain("<DeletedDateRangeFilter><FromDeletedDate>2024-01-01T00:00:00-05:00</FromDeletedDate><ToDeletedDate>2024-03-31T23:59:59-04:00</ToDeletedDate></DeletedDateRangeFilter>");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Write_with_every_field_validates(string operation)
    {
        var fields = WriteFieldSamples.Full(operation);
        var request = QbWriteRequest.Create(operation, WriteFieldSamples.Shuffle(fields, new Random(7)), "push-1");
        var xml = QbRequestWriter.Write(new QbMessageSet { NewMessageSetId = "push-1", OnError = QbOnError.ContinueOnError, Requests = [request] });
        QbXmlSchema.ShouldBeValid(xml);
        Written(xml, operation).Should().Be(request.Arrange());
        Written(xml, operation).Should().Be(fields, "arranging shuffled fields restores the schema order");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Random_writes_with_hostile_text_validate_and_carry_values_literally(string operation)
    {
        Prop.ForAll(Arb.From(WriteFieldSamples.Random(operation)), fields =>
        {
            var request = QbWriteRequest.Create(operation, fields, "r");
            var xml = QbRequestWriter.Write(request, "13.0");
            var problems = QbXmlSchema.Problems(xml);
            var written = Written(xml, operation);
            if (problems.Count > 0) { throw new InvalidOperationException(string.Join("\n", problems)); }
            return problems.Count == 0 && Leaves(written).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(Leaves(fields).OrderBy(x => x, StringComparer.Ordinal));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void Random_queries_validate()
    {
        var gen =
            from e in Gen.Elements(QbCatalog.All.Where(x => x.Kind is QbEntityKind.List or QbEntityKind.Transaction).ToArray())
            from mode in Gen.Choose(0, 2)
            from max in Gen.Choose(1, 1000)
            from status in Gen.Elements(QbActiveStatus.ActiveOnly, QbActiveStatus.InactiveOnly, QbActiveStatus.All)
            from days in Gen.Choose(0, 5000)
            from span in Gen.Choose(0, 400)
            from names in Gen.ListOf(Records.QbRecordGen.XmlText, 3)
            from requestId in Gen.Elements("a", "x&<y>\"", "😀", "]]>")
            select BuildQuery(e, mode, max, status, days, span, names, requestId);
        Prop.ForAll(Arb.From(gen), xml => QbXmlSchema.Problems(xml).Count == 0).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    [Theory]
    [InlineData("13.0")]
    [InlineData("16.0")]
    public void Document_carries_the_qbxml_version_and_message_set_attributes(string version)
    {
        var xml = QbRequestWriter.Write(new QbMessageSet { Version = version, OnError = QbOnError.ContinueOnError, NewMessageSetId = "push-42", Requests = [new QbHostQueryRequest()] });
        xml.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"" + version + "\"?><QBXML><QBXMLMsgsRq onError=\"continueOnError\" newMessageSetID=\"push-42\">");
        QbXmlSchema.ShouldBeValid(xml);
    }

    [Fact]
    public void Recovery_and_clear_message_sets_are_empty_with_ids()
    {
        var recover = QbRequestWriter.Write(QbMessageSet.Recover("push-42"));
        recover.Should().Contain("<QBXMLMsgsRq onError=\"stopOnError\" oldMessageSetID=\"push-42\" newMessageSetID=\"push-42\" />");
        QbXmlSchema.ShouldBeValid(recover);
        var clear = QbRequestWriter.Write(QbMessageSet.ClearRecovery("push-42"));
        clear.Should().Contain("<QBXMLMsgsRq onError=\"stopOnError\" oldMessageSetID=\"push-42\" />");
        QbXmlSchema.ShouldBeValid(clear);
    }

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var op in QbWriteRequest.SupportedOperations)
        {
            data.Add(op);
        }

        return data;
    }

    internal static QbField Written(string xml, string operation)
    {
        using var reader = XmlReader.Create(new StringReader(xml), QbRecordXml.SafeReaderSettings(1 << 26));
        reader.ReadToFollowing(operation);
        return QbRecordXml.ReadField(reader);
    }

    private static IEnumerable<string> Leaves(QbField field) =>
        field.IsLeaf || field.Children.Count == 0 ? [field.Name + "=" + field.Value] : field.Children.SelectMany(Leaves);

    private static string BuildQuery(QbEntity e, int mode, int max, QbActiveStatus status, int days, int span, IList<string> names, string requestId)
    {
        var from = new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)).AddDays(days);
        QbQueryRequest request = mode switch
        {
            0 => new QbQueryRequest(e) { RequestId = requestId, Iterator = e.SupportsIterator ? QbIterator.Start : QbIterator.None, MaxReturned = max, ActiveStatus = status, FromModifiedDate = from, ToModifiedDate = from.AddDays(span) },
            1 => new QbQueryRequest(e) { RequestId = requestId, Ids = names.Select(n => n.Length > 36 ? n[..30] : n).Where(n => n.Length == 0 || !char.IsHighSurrogate(n[^1])).DefaultIfEmpty("1").ToList() },
            _ => new QbQueryRequest(e) { RequestId = requestId, Iterator = e.SupportsIterator ? QbIterator.Continue : QbIterator.None, IteratorId = e.SupportsIterator ? requestId : null, IncludeRetElements = ["ListID", "TxnID"] },
        };
        return QbRequestWriter.Write(request);
    }
}
