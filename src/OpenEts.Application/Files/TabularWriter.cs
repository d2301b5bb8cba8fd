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
    public static void WriteXlsx(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
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
        MiniExcel.SaveAs(output, table, excelType: ExcelType.XLSX);
    }

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
