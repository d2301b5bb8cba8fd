using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace OpenEts.Application.Files;

/// <summary>
/// Writes a sheet (a header row and data rows) as .xlsx or as CSV, the counterpart of <see cref="TabularFile"/>. Numbers
/// stay numbers in .xlsx; CSV is UTF-8 with a BOM so that Excel opens Chinese headers correctly.
/// </summary>
public static class TabularWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Writes one worksheet: the header row, then a row per entry of <paramref name="rows"/> (null cells stay empty).</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        WriteXlsx(output, null, header, rows);

    /// <summary>As <see cref="WriteXlsx(Stream, IReadOnlyList{string}, IEnumerable{IReadOnlyList{object?}})"/>, the sheet named <paramref name="sheet"/> (null: Sheet1).</summary>
    public static void WriteXlsx(Stream output, string? sheet, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        // A DataTable keeps the header row even when there are no rows.
        using var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in header)
        {
            table.Columns.Add(h, typeof(object));
        }
        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Select(v => v ?? DBNull.Value)]);
        }
        if (sheet is null)
        {
            MiniExcel.SaveAs(output, table, excelType: ExcelType.XLSX);
        }
        else
        {
            MiniExcel.SaveAs(output, new Dictionary<string, object> { [sheet] = table }, excelType: ExcelType.XLSX);
        }
    }

    /// <summary>The name of a template's instructions sheet.</summary>
    public const string InstructionsSheet = "填写说明";

    /// <summary>
    /// Writes a template: the data sheet first (the sheet importers read), holding the headers only, so that a template
    /// uploaded untouched loads nothing; then the instructions sheet (填写说明), one row per column with its unit,
    /// whether it is required, the values allowed, the rule's source and an example value, marked as not imported.
    /// </summary>
    public static void WriteTemplate(Stream output, string dataSheet, IReadOnlyList<TemplateColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        using var data = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var c in columns)
        {
            data.Columns.Add(c.Header, typeof(object));
        }
        using var guide = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var h in GuideHeader)
        {
            guide.Columns.Add(h, typeof(object));
        }
        foreach (var c in columns)
        {
            guide.Rows.Add(c.Header, c.Unit, c.Required ? "必填" : "选填", c.Allowed, c.Rule, c.Example ?? DBNull.Value);
        }
        guide.Rows.Add(DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value);
        guide.Rows.Add($"请在第一个工作表“{dataSheet}”中从第 2 行起逐行填写，表头不要改动。“示例（不会导入）”一列只是填写示范，本工作表不会被导入。",
            DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value);
        MiniExcel.SaveAs(output, new Dictionary<string, object> { [dataSheet] = data, [InstructionsSheet] = guide }, excelType: ExcelType.XLSX);
    }

    /// <summary>The instructions sheet's headers.</summary>
    public static IReadOnlyList<string> GuideHeader { get; } = ["列名", "单位", "是否必填", "允许的取值或范围", "规则来源", "示例（不会导入）"];

    /// <summary>Writes RFC 4180 CSV with CRLF line ends, values formatted with the invariant culture.</summary>
    public static void WriteCsv(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Csv.Escape))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(v => Csv.Escape(Convert.ToString(v, CultureInfo.InvariantCulture))))).Append("\r\n");
        }
        output.Write(Encoding.UTF8.GetPreamble());
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
