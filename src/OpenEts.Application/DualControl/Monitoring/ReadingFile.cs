using System.Globalization;
using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.DualControl.Monitoring;

/// <summary>
/// A file of meter readings (.csv or .xlsx) as an access system exports it, one reading a row under the header
/// <c>readingId, meter, at, value</c>. A .csv file is streamed (any size: a year of a large user's hourly data is
/// millions of rows); an .xlsx file is read whole within <see cref="TabularLimits"/>. Cells are read as typed; the
/// readings' own rules are <see cref="IngestReadings"/>'s.
/// </summary>
public static class ReadingFile
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["readingId", "meter", "at", "value"];

    /// <summary>An .xlsx (or small .csv) file's rows as reading forms with their row numbers, or the problems that stop it.</summary>
    public static (IReadOnlyList<(int Row, IngestReadings.ReadingForm Reading)> Rows, IReadOnlyList<FieldError> Problems) Read(TabularFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Error is { } error)
        {
            return ([], [new FieldError("file", file.ErrorRule, error) { Figures = file.ErrorFigures }]);
        }
        if (Index(file.Header, out var problems) is not { } index)
        {
            return ([], problems);
        }
        return ([.. file.Rows.Select(r => (r.Row, Form(r.Cells, index)))], []);
    }

    /// <summary>
    /// Streams a .csv file's rows (comma-separated, fields optionally in double quotes) as reading forms with their row
    /// numbers (the header is row 1). Throws <see cref="InvalidDataException"/> when the header lacks a column.
    /// </summary>
    public static IEnumerable<(int Row, IngestReadings.ReadingForm Reading)> ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? "";
        if (Index(Split(header.TrimStart('\uFEFF')), out var problems) is not { } index)
        {
            throw new InvalidDataException(string.Join("; ", problems.Select(p => p.Message)));
        }
        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length > 0)
            {
                yield return (row, Form(Split(line), index));
            }
        }
    }

    private static int[]? Index(IReadOnlyList<string> header, out IReadOnlyList<FieldError> problems)
    {
        var index = Columns.Select(c => header.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase))).ToArray();
        problems = [.. Columns.Where((c, i) => index[i] < 0)
            .Select(c => new FieldError(c, "MissingColumn", $"the header has no column {c} (columns: {string.Join(", ", Columns)})"))];
        return problems.Count == 0 ? index : null;
    }

    private static IngestReadings.ReadingForm Form(IReadOnlyList<string> cells, int[] index)
    {
        string? Cell(int column) => index[column] < cells.Count && cells[index[column]].Trim().Length > 0 ? cells[index[column]].Trim() : null;
        return new IngestReadings.ReadingForm(Cell(0), Cell(1), Cell(2),
            decimal.TryParse(Cell(3), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null);
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
