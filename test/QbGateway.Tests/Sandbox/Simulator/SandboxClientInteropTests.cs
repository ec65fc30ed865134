using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Qbxml.Requests;
using QbConnector.QbGateway.Qbxml.Responses;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Stats;
using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Tests.Qbxml;
using QbConnector.QbGateway.Tests.Sessions;
using QbConnector.TestSupport;

namespace QbConnector.QbGateway.Tests.Sandbox.Simulator;

/// <summary>
/// The connector's own request writer and response reader against the sandbox: every synced data type
/// pages through with iterators (or in one answer) and what comes back matches the file's stats.
/// Every response also validates against the qbXML 13.0 schema.
/// </summary>
public sealed class SandboxClientInteropTests : IClassFixture<SandboxCompanyTemplates>, IDisposable
{
    private readonly SandboxTempDirectory _dir = new();
    private readonly string _file;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(SandboxCompanyTemplates.AsOf.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(-5)));

    public SandboxClientInteropTests(SandboxCompanyTemplates templates)
    {
        _file = _dir.File("company.qbw.db");
        File.Copy(templates.CompanyFile, _file);
    }

    [Fact]
    public void Every_data_type_syncs_completely_through_the_connectors_request_writer_and_response_reader()
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("interop", "Interop tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);
        var stats = SandboxStats.Compute(_file).DataTypes.ToDictionary(t => t.DataType, StringComparer.Ordinal);
        var entities = QbCatalog.All.Where(e => e.Kind is QbEntityKind.List or QbEntityKind.Transaction && e != QbCatalog.ItemSalesTaxes);

        foreach (var entity in entities)
        {
            var records = new List<(string Id, string EditSequence)>();
            string? iteratorId = null;
            var remaining = 1;
            while (remaining > 0)
            {
                var request = new QbQueryRequest(entity)
                {
                    Iterator = entity.SupportsIterator ? (iteratorId is null ? QbIterator.Start : QbIterator.Continue) : QbIterator.None,
                    IteratorId = iteratorId,
                    MaxReturned = entity.SupportsIterator ? 50 : null,
                    IncludeLineItems = entity.Kind == QbEntityKind.Transaction ? true : null,
                };
                var response = session.ProcessRequest(ticket, QbRequestWriter.Write(request));
                QbXmlSchema.Problems(response).Should().BeEmpty($"the {entity.DataType} response must validate against qbXML 13.0");
                using var reader = QbResponseReader.Create(response);
                var header = reader.NextResponse()!;
                header.IsError.Should().BeFalse(header.StatusMessage);
                records.AddRange(reader.ReadRecords().Select(r => (r.Id!, r.EditSequence!)));
                iteratorId = header.IteratorId;
                remaining = entity.SupportsIterator ? header.IteratorRemainingCount ?? 0 : 0;
            }

            var expected = stats.GetValueOrDefault(entity.DataType);
            records.Count.Should().Be((int)(expected?.Count ?? 0), entity.DataType);
            if (expected is not null)
            {
                SandboxStats.ContentHash(records).Should().Be(expected.ContentHash, entity.DataType);
            }
        }
    }

    [Theory]
    [InlineData("HostQueryRq")]
    [InlineData("CompanyQueryRq")]
    public void Host_and_company_responses_validate(string request)
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("interop", "Interop tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);

        var response = session.ProcessRequest(ticket, QbXmlTestMessages.Request(QbXmlTestMessages.Rq(request)));

        QbXmlSchema.Problems(response).Should().BeEmpty();
    }

    [Theory]
    [InlineData("BalanceSheetStandard")]
    [InlineData("ProfitAndLossStandard")]
    public void Report_responses_validate_and_balance(string reportType)
    {
        using var session = new SandboxQbSession(new SandboxSessionOptions { Time = _time });
        session.OpenConnection("interop", "Interop tests");
        var ticket = session.BeginSession(_file, QbFileMode.DoNotCare);

        var response = session.ProcessRequest(ticket, QbXmlTestMessages.Request(QbXmlTestMessages.Rq("GeneralSummaryReportQueryRq",
            QbXmlTestMessages.El("GeneralSummaryReportType", reportType),
            new System.Xml.Linq.XElement("ReportPeriod", QbXmlTestMessages.El("FromReportDate", "2024-01-01"), QbXmlTestMessages.El("ToReportDate", "2024-12-31")))));

        QbXmlSchema.Problems(response).Should().BeEmpty();
        var report = QbXmlTestMessages.Single(response).Element("ReportRet")!;
        var rows = report.Element("ReportData")!.Elements().ToList();
        rows.Should().Contain(r => r.Name.LocalName == "DataRow");
        decimal Amount(string label) => decimal.Parse(rows.Single(r => r.Elements("ColData").FirstOrDefault()?.Attribute("value")?.Value == label)
            .Elements("ColData").Last().Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (reportType == "BalanceSheetStandard")
        {
            Amount("TOTAL ASSETS").Should().Be(Amount("TOTAL LIABILITIES & EQUITY"));
        }
        else
        {
            Amount("Net Income").Should().Be(Amount("Net Ordinary Income") + Amount("Total Other Income") - Amount("Total Other Expense"));
        }
    }

    public void Dispose() => _dir.Dispose();
}
