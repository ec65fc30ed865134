using System.Globalization;
using System.Text;
using System.Text.Json;
using QbConnector.QbGateway.Records;

namespace QbConnector.QbGateway.Qbxml.Responses;

/// <summary>A report column (ColDesc): its ID, titles and type.</summary>
public sealed record QbReportColumn(string ColId, string? DataType, IReadOnlyList<string> Titles, string? ColType);

/// <summary>A report row: DataRow, TextRow, SubtotalRow or TotalRow, with its cells by column ID.</summary>
public sealed record QbReportRow(string Kind, string? RowNumber, string? RowType, string? RowValue, IReadOnlyList<KeyValuePair<string, string>> Cells);

/// <summary>
/// A summary report (GeneralSummaryReportQuery's ReportRet) as columns and rows, convertible to
/// JSON for the cloud. Built from the record the response reader yields.
/// </summary>
public sealed class QbReport
{
    private QbReport(IReadOnlyDictionary<string, string> header, IReadOnlyList<QbReportColumn> columns, IReadOnlyList<QbReportRow> rows)
    {
        Header = header;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>ReportTitle, ReportSubtitle, ReportBasis, NumRows, NumColumns… as sent.</summary>
    public IReadOnlyDictionary<string, string> Header { get; }

    public string? Title => Header.GetValueOrDefault("ReportTitle");

    public IReadOnlyList<QbReportColumn> Columns { get; }

    public IReadOnlyList<QbReportRow> Rows { get; }

    public static QbReport FromRecord(QbRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!string.Equals(record.RetElement, "ReportRet", StringComparison.Ordinal))
        {
            throw new QbResponseFormatException($"{record.RetElement} is not a ReportRet.");
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = new List<QbReportColumn>();
        var rows = new List<QbReportRow>();
        foreach (var field in record.Fields)
        {
            switch (field.Name)
            {
                case "ColDesc":
                    columns.Add(new QbReportColumn(
                        Attr(field, "colID") ?? string.Empty,
                        Attr(field, "dataType"),
                        field.ChildrenNamed("ColTitle").Select(t => Attr(t, "value") ?? string.Empty).ToList(),
                        field.ValueAt("ColType")));
                    break;
                case "ReportData":
                    foreach (var row in field.Children)
                    {
                        var rowData = row.Child("RowData");
                        rows.Add(new QbReportRow(
                            row.Name,
                            Attr(row, "rowNumber"),
                            rowData is null ? null : Attr(rowData, "rowType"),
                            rowData is null ? Attr(row, "value") : Attr(rowData, "value"),
                            row.ChildrenNamed("ColData").Select(c => new KeyValuePair<string, string>(Attr(c, "colID") ?? string.Empty, Attr(c, "value") ?? string.Empty)).ToList()));
                    }

                    break;
                default:
                    if (field.Value is not null)
                    {
                        header.TryAdd(field.Name, field.Value);
                    }

                    break;
            }
        }

        return new QbReport(header, columns, rows);
    }

    /// <summary>{"header":{…},"columns":[{colId,dataType,titles,colType}],"rows":[{kind,rowNumber,rowType,rowValue,cells:{colId:value}}]}.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("header");
            foreach (var (key, value) in Header)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteStartArray("columns");
            foreach (var c in Columns)
            {
                w.WriteStartObject();
                w.WriteString("colId", c.ColId);
                WriteOptional(w, "dataType", c.DataType);
                w.WriteStartArray("titles");
                foreach (var t in c.Titles)
                {
                    w.WriteStringValue(t);
                }

                w.WriteEndArray();
                WriteOptional(w, "colType", c.ColType);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var r in Rows)
            {
                w.WriteStartObject();
                w.WriteString("kind", r.Kind);
                WriteOptional(w, "rowNumber", r.RowNumber);
                WriteOptional(w, "rowType", r.RowType);
                WriteOptional(w, "rowValue", r.RowValue);
                w.WriteStartObject("cells");
                foreach (var (colId, value) in r.Cells)
                {
                    w.WriteString(colId.Length == 0 ? "?" : colId, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The amount in a row's cell, when it is a number.</summary>
    public static decimal? Amount(QbReportRow row, string colId)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cell = row.Cells.FirstOrDefault(c => string.Equals(c.Key, colId, StringComparison.Ordinal)).Value;
        return decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static string? Attr(QbField field, string name) =>
        field.Attributes.FirstOrDefault(a => string.Equals(a.Key, name, StringComparison.Ordinal)).Value;

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
