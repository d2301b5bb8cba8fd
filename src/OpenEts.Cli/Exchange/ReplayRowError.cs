namespace OpenEts.Cli.Exchange;

/// <summary>A malformed replay row: 1-based row and column, the column's name and the rule it broke.</summary>
internal sealed record ReplayRowError(int Row, int Column, string ColumnName, string Rule)
{
    public override string ToString() => $"row {Row}, column {Column} ({ColumnName}): {Rule}";
}
