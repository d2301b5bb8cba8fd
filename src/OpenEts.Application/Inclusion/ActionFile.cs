using System.Globalization;
using OpenEts.Application.Files;
using OpenEts.Domain.Organisations;

namespace OpenEts.Application.Inclusion;

/// <summary>
/// A batch file of actions (.csv or .xlsx) as a data partner delivers it, one action a row under the header
/// <c>eventId, source, user, behaviour, occurredAt, quantity, minutes, ownAverage</c> (the last two may be empty). Cells
/// are read as typed; the actions' own rules are <see cref="RecordActions"/>'s, row by row.
/// </summary>
public static class ActionFile
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["eventId", "source", "user", "behaviour", "occurredAt", "quantity", "minutes", "ownAverage"];

    /// <summary>The file's rows as action forms with their row numbers, or the problems that stop it (a missing column, an unreadable file).</summary>
    public static (IReadOnlyList<(int Row, RecordActions.ActionForm Action)> Rows, IReadOnlyList<FieldError> Problems) Read(TabularFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Error is { } error)
        {
            return ([], [new FieldError("file", file.ErrorRule, error) { Figures = file.ErrorFigures }]);
        }
        var index = Columns.ToDictionary(c => c, c => file.Header.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        var missing = Columns.Take(6).Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return ([], [.. missing.Select(c => new FieldError(c, "MissingColumn", $"the header has no column {c} (columns: {string.Join(", ", Columns)})"))]);
        }
        var rows = new List<(int, RecordActions.ActionForm)>();
        var unreadable = new List<FieldError>();
        foreach (var (row, cells) in file.Rows)
        {
            string? Cell(string column) => index[column] is var i and >= 0 && i < cells.Length && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            decimal? Number(string column)
            {
                if (Cell(column) is not { } text)
                {
                    return null;
                }
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }
                // Read as empty, a typed duration would skip the speed check and a typed quantity be called missing: the
                // file stops, naming the cell, and nothing of it is recorded.
                unreadable.Add(new FieldError(column, "Number",
                    string.Create(CultureInfo.InvariantCulture, $"row {row}, {column}: '{text}' is not a number (digits, a point for decimals)"))
                { Figures = [row.ToString(CultureInfo.InvariantCulture), column, text] });
                return null;
            }
            rows.Add((row, new RecordActions.ActionForm(Cell("eventId"), Cell("source"), Cell("behaviour"), Cell("occurredAt"), Number("quantity"),
                Number("minutes"), Number("ownAverage"), Cell("user"))));
        }
        return unreadable.Count > 0 ? ([], unreadable) : (rows, []);
    }
}
