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

    /// <summary>
    /// An .xlsx (or small .csv) file's rows as reading forms with their row numbers, or the problems that stop it. A value
    /// cell that is not a number is given as <see cref="FileReading.UnreadValue"/> (its form's value is null).
    /// </summary>
    public static (IReadOnlyList<FileReading> Rows, IReadOnlyList<FieldError> Problems) Read(TabularFile file)
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
        return ([.. file.Rows.Select(r => Form(r.Row, r.Cells, index))], []);
    }

    /// <summary>
    /// A .csv file's rows (comma-separated, fields optionally in double quotes) as reading forms with their row numbers
    /// (the header is row 1), streamed; null, with <paramref name="problems"/> naming each missing column, when the header
    /// lacks one. A value cell that is not a number is given as <see cref="FileReading.UnreadValue"/>.
    /// </summary>
    public static IEnumerable<FileReading>? ReadCsv(TextReader reader, out IReadOnlyList<FieldError> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? "";
        return Index(Split(header.TrimStart('\uFEFF')), out problems) is { } index ? CsvRows(reader, index) : null;
    }

    /// <summary>
    /// The problem of a row whose value cell is not a number (rule <c>Number</c>, naming the cell as typed), or null. The
    /// use case would read the missing value as absent; the file's reader names what was typed instead.
    /// </summary>
    public static FieldError? ValueProblem(FileReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.UnreadValue is not { } text)
        {
            return null;
        }
        FormattableString message = $"'{text}' is not a number";
        return new FieldError("value", "Number", Domain.Text.Figures.Sentence(message)) { Figures = Domain.Text.Figures.Of(message) };
    }

    private static IEnumerable<FileReading> CsvRows(TextReader reader, int[] index)
    {
        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length > 0)
            {
                yield return Form(row, Split(line), index);
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

    private static FileReading Form(int row, IReadOnlyList<string> cells, int[] index)
    {
        string? Cell(int column) => index[column] < cells.Count && cells[index[column]].Trim().Length > 0 ? cells[index[column]].Trim() : null;
        var text = Cell(3);
        var read = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v);
        return new FileReading(row, new IngestReadings.ReadingForm(Cell(0), Cell(1), Cell(2), read ? v : null), text is not null && !read ? text : null);
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
