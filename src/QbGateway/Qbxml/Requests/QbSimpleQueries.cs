using System.Xml;

namespace QbConnector.QbGateway.Qbxml.Requests;

/// <summary>HostQueryRq: the running QuickBooks' product, versions and supported qbXML versions.</summary>
public sealed class QbHostQueryRequest : QbRequest
{
    public override string ElementName => "HostQueryRq";

    public IReadOnlyList<string> IncludeRetElements { get; init; } = [];

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        WriteIncludeRetElements(writer, IncludeRetElements, errors);
    }
}

/// <summary>CompanyQueryRq: the company file's name, address and fiscal year.</summary>
public sealed class QbCompanyQueryRequest : QbRequest
{
    public override string ElementName => "CompanyQueryRq";

    public IReadOnlyList<string> IncludeRetElements { get; init; } = [];

    public IReadOnlyList<string> OwnerIds { get; init; } = [];

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        WriteIncludeRetElements(writer, IncludeRetElements, errors);
        WriteOwnerIds(writer, OwnerIds, errors);
    }
}

/// <summary>ListDeletedQueryRq / TxnDeletedQueryRq: deletions of the last 90 days (no iterator).</summary>
public sealed class QbDeletedQueryRequest : QbRequest
{
    public QbDeletedQueryRequest(bool transactions, IReadOnlyList<string> delTypes)
    {
        Transactions = transactions;
        DelTypes = delTypes;
    }

    /// <summary>True for TxnDeletedQuery, false for ListDeletedQuery.</summary>
    public bool Transactions { get; }

    /// <summary>ListDelType or TxnDelType values (at least one).</summary>
    public IReadOnlyList<string> DelTypes { get; }

    public DateTimeOffset? FromDeletedDate { get; init; }

    public DateTimeOffset? ToDeletedDate { get; init; }

    public IReadOnlyList<string> IncludeRetElements { get; init; } = [];

    public override string ElementName => Transactions ? "TxnDeletedQueryRq" : "ListDeletedQueryRq";

    public static QbDeletedQueryRequest ForLists(params string[] listDelTypes) => new(false, listDelTypes);

    public static QbDeletedQueryRequest ForTransactions(params string[] txnDelTypes) => new(true, txnDelTypes);

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        var element = Transactions ? "TxnDelType" : "ListDelType";
        if (DelTypes.Count == 0)
        {
            errors.Add($"{ElementName}: needs at least one {element}");
        }

        foreach (var type in DelTypes)
        {
            var known = Transactions ? QbSchemaEnums.Txn : QbSchemaEnums.List;
            if (!known.Contains(type))
            {
                errors.Add($"{ElementName}/{element}: '{type}' is not a {element}");
            }

            WriteText(writer, element, type, errors);
        }

        if (FromDeletedDate > ToDeletedDate)
        {
            errors.Add($"{ElementName}: FromDeletedDate is after ToDeletedDate");
        }

        if (FromDeletedDate is not null || ToDeletedDate is not null)
        {
            writer.WriteStartElement("DeletedDateRangeFilter");
            if (FromDeletedDate is { } from)
            {
                WriteDateTime(writer, "FromDeletedDate", from, errors);
            }

            if (ToDeletedDate is { } to)
            {
                WriteDateTime(writer, "ToDeletedDate", to, errors);
            }

            writer.WriteEndElement();
        }

        WriteIncludeRetElements(writer, IncludeRetElements, errors);
    }
}

/// <summary>GeneralSummaryReportQueryRq for a period (balance sheet, profit and loss…).</summary>
public sealed class QbReportQueryRequest : QbRequest
{
    public QbReportQueryRequest(string reportType)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportType);
        ReportType = reportType;
    }

    public override string ElementName => "GeneralSummaryReportQueryRq";

    /// <summary>GeneralSummaryReportType, e.g. "BalanceSheetStandard" or "ProfitAndLossStandard".</summary>
    public string ReportType { get; }

    public DateOnly? FromReportDate { get; init; }

    public DateOnly? ToReportDate { get; init; }

    /// <summary>Accrual, Cash or None (the company's preference).</summary>
    public string? ReportBasis { get; init; }

    private protected override void WriteContent(XmlWriter writer, List<string> errors)
    {
        if (!QbSchemaEnums.SummaryReportTypes.Contains(ReportType))
        {
            errors.Add($"{ElementName}/GeneralSummaryReportType: '{ReportType}' is not a summary report type");
        }

        WriteText(writer, "GeneralSummaryReportType", ReportType, errors);
        if (FromReportDate > ToReportDate)
        {
            errors.Add($"{ElementName}: FromReportDate is after ToReportDate");
        }

        if (FromReportDate is not null || ToReportDate is not null)
        {
            writer.WriteStartElement("ReportPeriod");
            if (FromReportDate is { } from)
            {
                WriteDate(writer, "FromReportDate", from);
            }

            if (ToReportDate is { } to)
            {
                WriteDate(writer, "ToReportDate", to);
            }

            writer.WriteEndElement();
        }

        if (ReportBasis is not null)
        {
            if (ReportBasis is not ("Accrual" or "Cash" or "None"))
            {
                errors.Add($"{ElementName}/ReportBasis: must be Accrual, Cash or None");
            }

            WriteText(writer, "ReportBasis", ReportBasis, errors);
        }
    }
}
