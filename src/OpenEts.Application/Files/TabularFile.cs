using System.Text;
using MiniExcelLibs;

namespace OpenEts.Application.Files;

/// <summary>
/// A sheet read from an uploaded .xlsx or .csv file: a header row and data rows of text cells, with the 1-based row
/// numbers people see in Excel. Blank rows are skipped but keep their numbering.
/// </summary>
public sealed class TabularFile
{
    private TabularFile(IReadOnlyList<string> header, IReadOnlyList<(int Row, string[] Cells)> rows, string? error)
    {
        Header = header;
        Rows = rows;
        Error = error;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<(int Row, string[] Cells)> Rows { get; }

    /// <summary>Why the file could not be read at all, or null.</summary>
    public string? Error { get; }

    /// <summary>Column letter of a 0-based index: 0 → A, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            s = (char)('A' + ((i - 1) % 26)) + s;
        }
        return s;
    }

    /// <summary>Reads .xlsx or .csv by file name; anything else is an error naming the accepted kinds.</summary>
    public static TabularFile Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        return ext switch
        {
            ".XLSX" => ReadXlsx(content),
            ".CSV" => ReadCsv(content),
            _ => Failed($"file '{fileName}' must be .xlsx or .csv"),
        };
    }

    private static TabularFile Failed(string error) => new([], [], error);

    private static TabularFile ReadXlsx(Stream content)
    {
        var rows = new List<string[]>();
        try
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            buffer.Position = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(buffer, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                var cells = new string[row.Count];
                var i = 0;
                foreach (var value in row.Values)
                {
                    cells[i++] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
                }
                rows.Add(cells);
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException
                                      or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            return Failed("the file is not a readable .xlsx workbook (" + e.Message + ")");
        }
        return FromRows(rows);
    }

    private static TabularFile ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var parsed = Csv.Parse(text);
        return parsed.Error is { } error ? Failed(error) : FromRows(parsed.Rows);
    }

    private static TabularFile FromRows(List<string[]> rows)
    {
        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace))
        {
            return Failed("row 1 must be the header row; the file is empty");
        }
        var data = new List<(int, string[])>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (!rows[r].All(string.IsNullOrWhiteSpace))
            {
                data.Add((r + 1, rows[r]));
            }
        }
        return new TabularFile(rows[0].Select(h => h.Trim()).ToArray(), data, null);
    }
}
