namespace OpenEts.Application.Registry;

/// <summary>A problem in a sheet: the 1-based row (0 for the file itself), column letter and header, rule and message.</summary>
public sealed record BatchRowError(int Row, string Column, string Header, string Rule, string Message)
{
    public override string ToString() => Row == 0
        ? $"{Rule}: {Message}"
        : Column.Length == 0
            ? $"row {Row}: {Rule}: {Message}"
            : $"row {Row}, column {Column} ({Header}): {Rule}: {Message}";
}
