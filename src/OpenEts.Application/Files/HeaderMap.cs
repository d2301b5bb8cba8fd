namespace OpenEts.Application.Files;

/// <summary>
/// Where each field's column is in a sheet's header row: a field is found by any of its names (Chinese or English,
/// case-insensitive), the first matching column wins, and columns may come in any order. The sheet readers of the
/// covered-entity list and of the registry's batch files share it.
/// </summary>
public sealed class HeaderMap
{
    private readonly IReadOnlyList<string> _header;
    private readonly Dictionary<string, int> _index;

    private HeaderMap(IReadOnlyList<string> header, Dictionary<string, int> index, IReadOnlyList<HeaderColumn> missing)
    {
        _header = header;
        _index = index;
        Missing = missing;
    }

    /// <summary>The required columns the header row lacks.</summary>
    public IReadOnlyList<HeaderColumn> Missing { get; }

    /// <summary>Finds <paramref name="columns"/> in <paramref name="header"/>.</summary>
    public static HeaderMap Find(IReadOnlyList<string> header, IEnumerable<HeaderColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<HeaderColumn>();
        foreach (var column in columns)
        {
            var at = -1;
            for (var i = 0; i < header.Count && at < 0; i++)
            {
                if (column.Names.Contains(header[i].Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    at = i;
                }
            }
            if (at >= 0)
            {
                index[column.Field] = at;
            }
            else if (column.Required)
            {
                missing.Add(column);
            }
        }
        return new HeaderMap(header, index, missing);
    }

    /// <summary>The sentence for a missing column, naming its first (Chinese) and last (English) header.</summary>
    public static string MissingMessage(HeaderColumn column) => Domain.Text.Figures.Sentence(MissingSentence(column));

    /// <summary>The sentence of <see cref="MissingMessage"/> with its figures (the column's names), for another language.</summary>
    public static FormattableString MissingSentence(HeaderColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return $"the header row has no column '{column.Names[0]}' (or '{column.Names[^1]}')";
    }

    public bool Has(string field) => _index.ContainsKey(field);

    /// <summary>The cell of <paramref name="field"/> in a row, untrimmed; null when the column is absent or the row is short.</summary>
    public string? Cell(IReadOnlyList<string> cells, string field)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return _index.TryGetValue(field, out var i) && i < cells.Count ? cells[i] : null;
    }

    /// <summary>The column letter of <paramref name="field"/> (A, B, …), or empty when absent.</summary>
    public string ColumnOf(string field) => _index.TryGetValue(field, out var i) ? TabularFile.ColumnLetter(i) : "";

    /// <summary>The header text of <paramref name="field"/>'s column as the file wrote it, or empty when absent.</summary>
    public string HeaderOf(string field) => _index.TryGetValue(field, out var i) ? _header[i] : "";
}
