namespace OpenEts.Application.Mrv.Files;

/// <summary>
/// A problem in an uploaded report file: the sheet, the 1-based row as Excel shows it (0 for the file itself), the
/// column letter and its header, the rule broken (a stable code) and a message in English.
/// </summary>
public sealed record ReportFileError(string Sheet, int Row, string Column, string Header, string Rule, string Message)
{
    /// <summary>The figures <see cref="Message"/> names (the value found, a limit), for a message in another language.</summary>
    public IReadOnlyList<string> Figures { get; init; } = [];

    public override string ToString() => Row == 0
        ? $"{Sheet}: {Rule}: {Message}"
        : Column.Length == 0
            ? $"{Sheet}, row {Row}: {Rule}: {Message}"
            : $"{Sheet}, row {Row}, column {Column} ({Header}): {Rule}: {Message}";
}
